#include "security/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace samen::security {
namespace {

int create_exclusive(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot create " + path +
                             (errno == EEXIST ? ": it exists already (a key is never overwritten)"
                                              : ": " + std::string(std::strerror(errno))));
  return fd;
}

// A rename is durable only once the directory that holds the name is synced.
void sync_directory_of(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the file itself is synced; nothing more can be done here
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_all_and_sync(int fd, const std::string& data, const std::string& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      throw std::runtime_error("cannot write " + path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot write " + path + " to disk");
  }
  ::close(fd);
}

void write_new_private_file(const std::string& path, const std::string& content) {
  write_all_and_sync(create_exclusive(path), content, path);
}

void replace_private_file(const std::string& path, const std::string& content) {
  auto temporary = path + ".new";
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);  // left by a crash in a previous replace
  write_all_and_sync(create_exclusive(temporary), content, temporary);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    auto why = std::string(std::strerror(errno));
    std::filesystem::remove(temporary, ignored);
    throw std::runtime_error("cannot replace " + path + ": " + why);
  }
  sync_directory_of(path);
}

std::string read_private_file(const std::string& path, const std::string& what,
                              const std::string& missing_hint) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw std::runtime_error(what + " " + path + " does not exist" +
                             (missing_hint.empty() ? "" : " (" + missing_hint + ")"));
  if ((st.st_mode & 077) != 0)
    throw std::runtime_error(what + " " + path +
                             " is readable by others than its owner: chmod 600 it");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot read " + what + " " + path);
  std::string content;
  char buffer[4096];
  for (;;) {
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      throw std::runtime_error("cannot read " + what + " " + path);
    }
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return content;
}

}  // namespace samen::security
