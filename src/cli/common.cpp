#include <charconv>

#include "cli/commands.hpp"

namespace samen::cli {

std::unique_ptr<store::Store> open_migrated_store(const std::string& db, int readers) {
  if (db.empty()) throw CommandError("--db is required (or set SAMEN_DB)");
  auto store = store::open_store(db, readers);
  int version = store->schema_version();
  if (version < store->latest_schema_version())
    throw CommandError("database " + db + " is at schema version " + std::to_string(version) +
                       ", this samen needs " + std::to_string(store->latest_schema_version()) +
                       ": run `samen migrate --db " + db + "` first");
  if (version > store->latest_schema_version())
    throw CommandError("database " + db + " is at schema version " + std::to_string(version) +
                       ", newer than this samen knows (" +
                       std::to_string(store->latest_schema_version()) + "): upgrade samen");
  return store;
}

std::pair<std::string, unsigned short> parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw CommandError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto text = listen.substr(colon + 1);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc{} || ptr != text.data() + text.size() || port > 65535)
    throw CommandError("--listen port must be a number from 0 to 65535");
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace samen::cli
