#define _GNU_SOURCE
#include "CLinux.h"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <sys/vfs.h>

int mkagent_fs_type(const char *path, long long *type) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    *type = (long long)info.f_type;
    return 0;
}

/* The OpenIPMI ABI, from linux/ipmi.h (declared here so the build needs no kernel headers). */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#define MKAGENT_IPMI_SYSTEM_INTERFACE_ADDR_TYPE 0x0c
#define MKAGENT_IPMI_BMC_CHANNEL 0xf
#define MKAGENT_IPMI_MAX_ADDR_SIZE 32

struct mkagent_ipmi_addr {
    int addr_type;
    short channel;
    char data[MKAGENT_IPMI_MAX_ADDR_SIZE];
};

struct mkagent_ipmi_system_interface_addr {
    int addr_type;
    short channel;
    unsigned char lun;
};

struct mkagent_ipmi_msg {
    unsigned char netfn;
    unsigned char cmd;
    unsigned short data_len;
    unsigned char *data;
};

struct mkagent_ipmi_req {
    unsigned char *addr;
    unsigned int addr_len;
    long msgid;
    struct mkagent_ipmi_msg msg;
};

struct mkagent_ipmi_recv {
    int recv_type;
    unsigned char *addr;
    unsigned int addr_len;
    long msgid;
    struct mkagent_ipmi_msg msg;
};

#define MKAGENT_IPMI_IOC_MAGIC 'i'
#define MKAGENT_IPMICTL_RECEIVE_MSG_TRUNC _IOWR(MKAGENT_IPMI_IOC_MAGIC, 11, struct mkagent_ipmi_recv)
#define MKAGENT_IPMICTL_SEND_COMMAND _IOR(MKAGENT_IPMI_IOC_MAGIC, 13, struct mkagent_ipmi_req)
#define MKAGENT_IPMICTL_SET_GETS_EVENTS_CMD _IOR(MKAGENT_IPMI_IOC_MAGIC, 16, int)

int mkagent_ipmi_set_gets_events(int fd, int on) {
    return ioctl(fd, MKAGENT_IPMICTL_SET_GETS_EVENTS_CMD, &on) < 0 ? -1 : 0;
}

int mkagent_ipmi_send(int fd, unsigned char netfn, unsigned char cmd, unsigned char lun,
                      const unsigned char *data, unsigned short length, long msgid) {
    struct mkagent_ipmi_system_interface_addr addr;
    memset(&addr, 0, sizeof addr);
    addr.addr_type = MKAGENT_IPMI_SYSTEM_INTERFACE_ADDR_TYPE;
    addr.channel = MKAGENT_IPMI_BMC_CHANNEL;
    addr.lun = lun;
    struct mkagent_ipmi_req req;
    memset(&req, 0, sizeof req);
    req.addr = (unsigned char *)&addr;
    req.addr_len = sizeof addr;
    req.msgid = msgid;
    req.msg.netfn = netfn;
    req.msg.cmd = cmd;
    req.msg.data_len = length;
    req.msg.data = (unsigned char *)data;
    return ioctl(fd, MKAGENT_IPMICTL_SEND_COMMAND, &req) < 0 ? -1 : 0;
}

int mkagent_ipmi_receive(int fd, int *recv_type, unsigned char *netfn, unsigned char *cmd, long *msgid,
                         unsigned char *data, unsigned short *length) {
    struct mkagent_ipmi_addr addr;
    memset(&addr, 0, sizeof addr);
    struct mkagent_ipmi_recv recv;
    memset(&recv, 0, sizeof recv);
    recv.addr = (unsigned char *)&addr;
    recv.addr_len = sizeof addr;
    recv.msg.data = data;
    recv.msg.data_len = *length;
    int truncated = 0;
    if (ioctl(fd, MKAGENT_IPMICTL_RECEIVE_MSG_TRUNC, &recv) < 0) {
        if (errno != EMSGSIZE) return -1;
        truncated = 1;
    }
    *recv_type = recv.recv_type;
    *netfn = recv.msg.netfn;
    *cmd = recv.msg.cmd;
    *msgid = recv.msgid;
    *length = recv.msg.data_len;
    return truncated;
}

int mkagent_spawn_add_chdir(void *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, path);
}

int mkagent_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

int mkagent_open_path(const char *path) {
    return open(path, O_PATH | O_CLOEXEC);
}
