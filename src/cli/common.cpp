#include <charconv>
#include <cstdlib>

#include "cli/commands.hpp"

namespace samen::cli {

std::unique_ptr<store::Store> open_migrated_store(
    const std::string& db, int readers, std::shared_ptr<const security::FieldKeys> field_keys) {
  if (db.empty()) throw CommandError("--db is required (or set SAMEN_DB)");
  auto store = store::open_store(db, readers, std::move(field_keys));
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

CLI::Option* add_field_keys_option(CLI::App& cmd, std::string& file) {
  return cmd
      .add_option("--field-keys", file,
                  "file with the keys that seal BSNs and case texts at rest (samen keys init); "
                  "or give its content in SAMEN_FIELD_KEYS")
      ->envname("SAMEN_FIELD_KEYS_FILE");
}

CLI::Option* add_allow_plaintext_flag(CLI::App& cmd, bool& allow) {
  return cmd
      .add_flag("--allow-plaintext", allow,
                "run without field keys: BSNs and case texts are written in plain text and "
                "sealed ones cannot be read (for measuring; never for real data)")
      ->envname("SAMEN_ALLOW_PLAINTEXT");
}

std::shared_ptr<const security::FieldKeys> load_field_keys(const std::string& file) {
  try {
    auto keys = security::resolve_field_keys(file, std::getenv(security::kFieldKeysEnv));
    if (!keys) return nullptr;
    return std::make_shared<const security::FieldKeys>(std::move(*keys));
  } catch (const std::runtime_error& e) {
    throw CommandError(std::string("--field-keys: ") + e.what());
  }
}

std::shared_ptr<const security::FieldKeys> require_field_keys(const std::string& file,
                                                              bool allow_plaintext) {
  auto keys = load_field_keys(file);
  if (!keys && !allow_plaintext)
    throw CommandError(
        "no field keys: give --field-keys FILE (samen keys init --file FILE makes one) or "
        "SAMEN_FIELD_KEYS; without them BSNs and case texts would be stored in plain text "
        "(--allow-plaintext if that is what you want, e.g. to measure)");
  return keys;
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
