#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "CLinux.h"

/// What the new thread runs, and the CPUs it may use once it runs.
struct elsewhere {
    void *(*start)(void *);
    void *context;
    int widen;
    cpu_set_t allowed;
};

static void *run_elsewhere(void *raw) {
    struct elsewhere job = *(struct elsewhere *)raw;
    free(raw);
    if (job.widen) pthread_setaffinity_np(pthread_self(), sizeof job.allowed, &job.allowed);
    return job.start(job.context);
}

int mkagent_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *context) {
    struct elsewhere *job = malloc(sizeof *job);
    if (job == NULL) return ENOMEM;
    job->start = start;
    job->context = context;
    job->widen = 0;
    pthread_attr_t attributes;
    int result = pthread_attr_init(&attributes);
    if (result != 0) {
        free(job);
        return result;
    }
    if (sched_getaffinity(0, sizeof job->allowed, &job->allowed) == 0) {
        cpu_set_t others = job->allowed;
        int here = sched_getcpu();
        if (here >= 0 && here < CPU_SETSIZE) CPU_CLR(here, &others);
        if (CPU_COUNT(&others) > 0 && pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0) {
            job->widen = 1;
        }
    }
    result = pthread_create(thread, &attributes, run_elsewhere, job);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(job);
    return result;
}
