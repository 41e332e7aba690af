#include "CIPMIMonitoring.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Each entry: where the pointer goes and the library's name for it. */
struct symbol {
    void **slot;
    const char *name;
};

int mk_ipmimon_open(const char *soname, struct mk_ipmimon_api *api, char *error, unsigned long error_size) {
    memset(api, 0, sizeof(*api));
    api->handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (api->handle == NULL) {
        const char *message = dlerror();
        snprintf(error, error_size, "%s", message ? message : "dlopen failed");
        return -1;
    }
    /* Function pointers are stored through void ** as POSIX dlsym() allows. */
    struct symbol symbols[] = {
        {(void **)&api->library_init, "ipmi_monitoring_init"},
        {(void **)&api->ctx_create, "ipmi_monitoring_ctx_create"},
        {(void **)&api->ctx_destroy, "ipmi_monitoring_ctx_destroy"},
        {(void **)&api->ctx_errnum, "ipmi_monitoring_ctx_errnum"},
        {(void **)&api->ctx_strerror, "ipmi_monitoring_ctx_strerror"},
        {(void **)&api->ctx_errormsg, "ipmi_monitoring_ctx_errormsg"},
        {(void **)&api->ctx_sdr_cache_directory, "ipmi_monitoring_ctx_sdr_cache_directory"},
        {(void **)&api->sensor_readings_by_record_id, "ipmi_monitoring_sensor_readings_by_record_id"},
        {(void **)&api->sensor_iterator_first, "ipmi_monitoring_sensor_iterator_first"},
        {(void **)&api->sensor_iterator_next, "ipmi_monitoring_sensor_iterator_next"},
        {(void **)&api->sensor_read_record_id, "ipmi_monitoring_sensor_read_record_id"},
        {(void **)&api->sensor_read_sensor_number, "ipmi_monitoring_sensor_read_sensor_number"},
        {(void **)&api->sensor_read_sensor_type, "ipmi_monitoring_sensor_read_sensor_type"},
        {(void **)&api->sensor_read_sensor_name, "ipmi_monitoring_sensor_read_sensor_name"},
        {(void **)&api->sensor_read_sensor_state, "ipmi_monitoring_sensor_read_sensor_state"},
        {(void **)&api->sensor_read_sensor_units, "ipmi_monitoring_sensor_read_sensor_units"},
        {(void **)&api->sensor_read_sensor_reading_type, "ipmi_monitoring_sensor_read_sensor_reading_type"},
        {(void **)&api->sensor_read_sensor_reading, "ipmi_monitoring_sensor_read_sensor_reading"},
        {(void **)&api->sensor_read_sensor_bitmask_strings, "ipmi_monitoring_sensor_read_sensor_bitmask_strings"},
        {(void **)&api->sensor_read_event_reading_type_code, "ipmi_monitoring_sensor_read_event_reading_type_code"},
    };
    for (unsigned long i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
        *symbols[i].slot = dlsym(api->handle, symbols[i].name);
        if (*symbols[i].slot == NULL) {
            snprintf(error, error_size, "%s has no symbol %s", soname, symbols[i].name);
            dlclose(api->handle);
            memset(api, 0, sizeof(*api));
            return -1;
        }
    }
    return 0;
}
