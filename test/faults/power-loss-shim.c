/*
 * LD_PRELOAD shim for power-loss.int.spec.ts: keeps a "durable image" of one data directory, what a
 * disk would still hold after the power fails. Built by the test:
 *
 *   gcc -shared -fPIC -o power-loss-shim.so power-loss-shim.c -ldl -lpthread
 *
 * POWER_LOSS_DIR names the watched directory, POWER_LOSS_IMAGES where the images go.
 * - fsync/fdatasync of a regular file directly in POWER_LOSS_DIR copies the file's current content to
 *   IMAGES/<name>: a write is durable only once its file was synced; later writes are lost.
 * - fsync of POWER_LOSS_DIR itself writes the names it lists to IMAGES/.names: a file created or
 *   deleted is durable only once its directory was synced.
 * Each image is written whole and then renamed into place, so a SIGKILL mid-copy leaves the previous one.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/** Writes `to` through a temporary file and a rename; returns 0 on success. */
static int publish(const char *to, int (*fill)(int out, void *arg), void *arg) {
  char tmp[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s.tmp", to);
  int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) return -1;
  int failed = fill(out, arg);
  failed |= close(out);
  return failed ? -1 : rename(tmp, to);
}

static int copy_content(int out, void *arg) {
  int in = *(int *)arg;
  static char buffer[1 << 20];
  off_t offset = 0;
  for (;;) {
    ssize_t n = pread(in, buffer, sizeof buffer, offset);
    if (n < 0) return -1;
    if (n == 0) return 0;
    if (write(out, buffer, (size_t)n) != n) return -1;
    offset += n;
  }
}

static int list_names(int out, void *arg) {
  DIR *dir = opendir((const char *)arg);
  if (!dir) return -1;
  int failed = 0;
  for (struct dirent *entry; (entry = readdir(dir)) != NULL;) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
    failed |= dprintf(out, "%s\n", entry->d_name) < 0;
  }
  closedir(dir);
  return failed;
}

static void record(int fd) {
  const char *watched = getenv("POWER_LOSS_DIR");
  const char *images = getenv("POWER_LOSS_IMAGES");
  if (!watched || !images) return;
  char link[64], path[PATH_MAX], to[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t length = readlink(link, path, sizeof path - 1);
  struct stat st;
  if (length < 0 || fstat(fd, &st) != 0) return;
  path[length] = '\0';
  size_t prefix = strlen(watched);
  int failed = 0;
  if (S_ISDIR(st.st_mode) && strcmp(path, watched) == 0) {
    snprintf(to, sizeof to, "%s/.names", images);
    failed = publish(to, list_names, path);
  } else if (S_ISREG(st.st_mode) && st.st_nlink > 0 && strncmp(path, watched, prefix) == 0 &&
             path[prefix] == '/' && strchr(path + prefix + 1, '/') == NULL) {
    snprintf(to, sizeof to, "%s/%s", images, path + prefix + 1);
    failed = publish(to, copy_content, &fd);
  }
  // A missing image would make the test pass or fail for the wrong reason: stop loudly instead.
  if (failed) {
    dprintf(2, "power-loss shim: could not record %s\n", path);
    abort();
  }
}

static int intercept(const char *symbol, int fd) {
  int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, symbol);
  int rc = real(fd);
  if (rc == 0) {
    pthread_mutex_lock(&lock);
    record(fd);
    pthread_mutex_unlock(&lock);
  }
  return rc;
}

int fsync(int fd) { return intercept("fsync", fd); }

int fdatasync(int fd) { return intercept("fdatasync", fd); }
