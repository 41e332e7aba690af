#include "CUdev.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int resolve(struct mk_udev_api *api, void **slot, const char *name, char *error, unsigned long size) {
    *slot = dlsym(api->handle, name);
    if (*slot == NULL) {
        snprintf(error, size, "%s has no symbol %s", "libudev", name);
        return -1;
    }
    return 0;
}

int mk_udev_open(const char *soname, struct mk_udev_api *api, char *error, unsigned long error_size) {
    memset(api, 0, sizeof(*api));
    api->handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (api->handle == NULL) {
        const char *message = dlerror();
        snprintf(error, error_size, "%s", message ? message : "dlopen failed");
        return -1;
    }
    /* Function pointers are stored through void ** as POSIX dlsym() allows. */
    if (resolve(api, (void **)&api->udev_new, "udev_new", error, error_size)
        || resolve(api, (void **)&api->udev_unref, "udev_unref", error, error_size)
        || resolve(api, (void **)&api->udev_hwdb_new, "udev_hwdb_new", error, error_size)
        || resolve(api, (void **)&api->udev_hwdb_unref, "udev_hwdb_unref", error, error_size)
        || resolve(api, (void **)&api->udev_hwdb_get_properties_list_entry, "udev_hwdb_get_properties_list_entry",
                   error, error_size)
        || resolve(api, (void **)&api->udev_list_entry_get_next, "udev_list_entry_get_next", error, error_size)
        || resolve(api, (void **)&api->udev_list_entry_get_name, "udev_list_entry_get_name", error, error_size)
        || resolve(api, (void **)&api->udev_list_entry_get_value, "udev_list_entry_get_value", error, error_size)) {
        dlclose(api->handle);
        api->handle = NULL;
        return -1;
    }
    return 0;
}

void mk_udev_close(struct mk_udev_api *api) {
    if (api->handle != NULL) dlclose(api->handle);
    memset(api, 0, sizeof(*api));
}
