#include "CLinux.h"

#include <sys/vfs.h>

int mkagent_fs_type(const char *path, long long *type) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    *type = (long long)info.f_type;
    return 0;
}
