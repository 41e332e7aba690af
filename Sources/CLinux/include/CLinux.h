#ifndef MKAGENT_CLINUX_H
#define MKAGENT_CLINUX_H

#include <pthread.h>

/// The few Linux calls Swift's Glibc module does not expose.

/// statfs(2)'s f_type for `path` in `*type`; 0 on success, -1 with errno set on failure.
int mkagent_fs_type(const char *path, long long *type);

/// OpenIPMI character device (/dev/ipmi0): sends one request to the BMC over the system interface
/// (IPMICTL_SEND_COMMAND with an ipmi_system_interface_addr for channel 0xf, LUN `lun`) tagged `msgid`.
/// 0 on success, -1 with errno set on failure.
int mkagent_ipmi_send(int fd, unsigned char netfn, unsigned char cmd, unsigned char lun,
                      const unsigned char *data, unsigned short length, long msgid);

/// Receives one message (IPMICTL_RECEIVE_MSG_TRUNC). On return `*recv_type`, `*netfn`, `*cmd`, `*msgid` are
/// the message's, `*length` the bytes stored in `data` (capacity on entry). 0 on success, 1 when the message
/// was truncated to `capacity`, -1 with errno set on failure (EAGAIN: nothing waiting).
int mkagent_ipmi_receive(int fd, int *recv_type, unsigned char *netfn, unsigned char *cmd, long *msgid,
                         unsigned char *data, unsigned short *length);

/// IPMICTL_SET_GETS_EVENTS_CMD: whether this open file receives the BMC's events (`on` 0 or 1).
/// 0 on success, -1 with errno set on failure (ENOTTY when `fd` is not an IPMI device).
int mkagent_ipmi_set_gets_events(int fd, int on);

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+): the child starts in `path`. Returns 0 or an errno value.
/// `actions` points to a posix_spawn_file_actions_t.
int mkagent_spawn_add_chdir(void *actions, const char *path);

/// pipe2(fds, O_CLOEXEC). 0 or -1 with errno set.
int mkagent_pipe_cloexec(int fds[2]);

/// open(path, O_PATH | O_CLOEXEC): a descriptor naming the file, for resolving its path. -1 with errno set.
int mkagent_open_path(const char *path);

/// Starts a thread running `start(context)` as pthread_create does, but first on a CPU other than the
/// caller's when the caller may use another, and from there on any CPU the caller may use. A new thread
/// otherwise often starts queued behind its busy parent on the parent's CPU until the next load balancing
/// tick (4 ms at 250 Hz), which defeats running short work side by side. 0 or an errno value.
int mkagent_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *context);

#endif
