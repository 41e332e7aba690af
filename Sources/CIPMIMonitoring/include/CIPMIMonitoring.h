#ifndef MKAGENT_CIPMIMONITORING_H
#define MKAGENT_CIPMIMONITORING_H

/*
 * The few libipmimonitoring (FreeIPMI) functions mkagent uses for sensor readings, declared here rather than
 * taken from <ipmi_monitoring.h> and never linked: mk_ipmimon_open() loads libipmimonitoring.so.6 at run
 * time, so the static mkagent binary starts on nodes without FreeIPMI and reports the sensors as unavailable
 * there. Signatures, the configuration structure and the constants below are the library's (ipmi_monitoring.h,
 * FreeIPMI 1.6, libipmimonitoring 1.0.x), an ABI that has been stable since libipmimonitoring.so.6.
 */

struct ipmi_monitoring_ctx;

/* struct ipmi_monitoring_ipmi_config, field for field. */
struct mk_ipmimon_config {
    int driver_type;
    int disable_auto_probe;
    unsigned int driver_address;
    unsigned int register_spacing;
    char *driver_device;
    int protocol_version;
    char *username;
    char *password;
    unsigned char *k_g;
    unsigned int k_g_len;
    int privilege_level;
    int authentication_type;
    int cipher_suite_id;
    int session_timeout_len;
    int retransmission_timeout_len;
    unsigned int workaround_flags;
};

enum {
    MK_IPMIMON_DRIVER_TYPE_OPENIPMI = 0x02,
    MK_IPMIMON_READING_TYPE_DOUBLE = 0x02,
    MK_IPMIMON_ERR_NO_SENSOR_READINGS = 17,
};

typedef int (*mk_ipmimon_callback)(struct ipmi_monitoring_ctx *ctx, void *data);

struct mk_ipmimon_api {
    void *handle;
    int (*library_init)(unsigned int flags, int *errnum);
    struct ipmi_monitoring_ctx *(*ctx_create)(void);
    void (*ctx_destroy)(struct ipmi_monitoring_ctx *ctx);
    int (*ctx_errnum)(struct ipmi_monitoring_ctx *ctx);
    char *(*ctx_strerror)(int errnum);
    char *(*ctx_errormsg)(struct ipmi_monitoring_ctx *ctx);
    int (*ctx_sdr_cache_directory)(struct ipmi_monitoring_ctx *ctx, const char *dir);
    int (*sensor_readings_by_record_id)(struct ipmi_monitoring_ctx *ctx, const char *hostname,
                                        struct mk_ipmimon_config *config, unsigned int flags,
                                        unsigned int *record_ids, unsigned int record_ids_len,
                                        mk_ipmimon_callback callback, void *data);
    int (*sensor_iterator_first)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_iterator_next)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_record_id)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_sensor_number)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_sensor_type)(struct ipmi_monitoring_ctx *ctx);
    char *(*sensor_read_sensor_name)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_sensor_state)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_sensor_units)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_sensor_reading_type)(struct ipmi_monitoring_ctx *ctx);
    void *(*sensor_read_sensor_reading)(struct ipmi_monitoring_ctx *ctx);
    char **(*sensor_read_sensor_bitmask_strings)(struct ipmi_monitoring_ctx *ctx);
    int (*sensor_read_event_reading_type_code)(struct ipmi_monitoring_ctx *ctx);
};

/*
 * Loads `soname` (normally "libipmimonitoring.so.6") and fills `api`. Returns 0 on success; otherwise -1 and
 * `error` holds dlerror()'s message (or the missing symbol's name), and `api` is left unusable. The library
 * is never unloaded (it keeps process-wide state); loading it again only takes another reference.
 */
int mk_ipmimon_open(const char *soname, struct mk_ipmimon_api *api, char *error, unsigned long error_size);

#endif
