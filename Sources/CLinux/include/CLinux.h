#ifndef MKAGENT_CLINUX_H
#define MKAGENT_CLINUX_H

/// The few Linux calls Swift's Glibc module does not expose.

/// statfs(2)'s f_type for `path` in `*type`; 0 on success, -1 with errno set on failure.
int mkagent_fs_type(const char *path, long long *type);

#endif
