#pragma once
// Files that hold secrets (the audit signing key, the field keys): only their owner may
// read them, they are created once and never silently overwritten, and what is written
// reaches the disk before the call returns, so a crash never leaves half a key behind.
// Every failure throws std::runtime_error naming the path.
#include <string>

namespace samen::security {

// Creates `path` with mode 0600 holding `content`; refuses when it exists.
void write_new_private_file(const std::string& path, const std::string& content);
// Replaces `path` atomically (a 0600 temporary beside it, renamed over it): a reader sees
// the old content or the new, never a mix.
void replace_private_file(const std::string& path, const std::string& content);
// The content of `path`, refused when others than its owner may read or write it.
// `what` names the file in messages ("audit key", "field keys"); `missing_hint` is added
// when it does not exist (how to make one).
std::string read_private_file(const std::string& path, const std::string& what,
                              const std::string& missing_hint);
// Writes all of `data` to `fd`, syncs and closes it; throws naming `path` (fd closed).
void write_all_and_sync(int fd, const std::string& data, const std::string& path);

}  // namespace samen::security
