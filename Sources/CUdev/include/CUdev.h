#ifndef MKAGENT_CUDEV_H
#define MKAGENT_CUDEV_H

/*
 * The few libudev functions mkagent uses, declared here rather than taken from <libudev.h> and never
 * linked: mk_udev_open() loads libudev.so.1 at run time, so the static mkagent binary starts on nodes
 * without libudev and reports hwdb names as "not available" there. Signatures are libudev's
 * (libudev.h, systemd 252), an ABI that has been stable since libudev.so.1.
 */

struct udev;
struct udev_hwdb;
struct udev_list_entry;

struct mk_udev_api {
    void *handle;
    struct udev *(*udev_new)(void);
    struct udev *(*udev_unref)(struct udev *udev);
    struct udev_hwdb *(*udev_hwdb_new)(struct udev *udev);
    struct udev_hwdb *(*udev_hwdb_unref)(struct udev_hwdb *hwdb);
    struct udev_list_entry *(*udev_hwdb_get_properties_list_entry)(
        struct udev_hwdb *hwdb, const char *modalias, unsigned flags);
    struct udev_list_entry *(*udev_list_entry_get_next)(struct udev_list_entry *entry);
    const char *(*udev_list_entry_get_name)(struct udev_list_entry *entry);
    const char *(*udev_list_entry_get_value)(struct udev_list_entry *entry);
};

/*
 * Loads `soname` (normally "libudev.so.1") and fills `api`. Returns 0 on success; otherwise -1 and
 * `error` holds dlerror()'s message (or the missing symbol's name), and `api` is left unusable.
 */
int mk_udev_open(const char *soname, struct mk_udev_api *api, char *error, unsigned long error_size);

/* Unloads the library; `api` must not be used afterwards. */
void mk_udev_close(struct mk_udev_api *api);

#endif
