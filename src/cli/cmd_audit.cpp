// samen audit verify | head | keygen | checkpoints export: check the hash chain against the
// signed checkpoints (the database's and a held copy), print the head for safekeeping, make
// the signing key, and hand the checkpoints to a second party.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "audit/checkpoint.hpp"
#include "audit/verifier.hpp"
#include "cli/commands.hpp"

namespace samen::cli {
namespace {

struct KeyArgs {
  std::string audit_key;                 // the secret key file: its public half
  std::vector<std::string> public_keys;  // hex, as a second party holds them
};

void add_key_options(CLI::App& cmd, KeyArgs& k) {
  cmd.add_option("--audit-key", k.audit_key, "the server's audit key file (its public half)")
      ->envname("SAMEN_AUDIT_KEY");
  cmd.add_option("--public-key", k.public_keys,
                 "public key in hex (repeatable: older keys after a rotation)");
}

std::vector<audit::PublicKey> public_keys_of(const KeyArgs& k) {
  std::vector<audit::PublicKey> keys;
  if (!k.audit_key.empty()) {
    try {
      auto key = audit::load_audit_key(k.audit_key);
      keys.push_back({key.public_key, key.key_id});
    } catch (const std::runtime_error& e) {
      throw CommandError(std::string("--audit-key: ") + e.what());
    }
  }
  for (const auto& hex : k.public_keys) {
    auto key = audit::parse_public_key(hex);
    if (!key) throw CommandError("--public-key must be 64 hex digits");
    keys.push_back(*key);
  }
  return keys;
}

audit::HeldCheckpoints read_held(const std::string& path) {
  try {
    return audit::read_checkpoint_file(path);
  } catch (const std::runtime_error& e) {
    throw CommandError(std::string("--checkpoints: ") + e.what());
  }
}

void print_checkpoints(const audit::CheckpointReport& r) {
  if (!r.configured) {
    std::cout << "signed checkpoints: not checked (give --audit-key, --public-key or "
                 "--checkpoints)\n";
    return;
  }
  std::cout << "signed checkpoints: " << r.checked << " checked";
  if (r.last_signed)
    std::cout << ", last signed head " << r.last_signed->seq << " at " << r.last_signed->at;
  else
    std::cout << ", none on the chain";
  std::cout << "; " << r.unsigned_entries << " entries after it not yet signed\n";
}

void add_verify(CLI::App& audit_cmd) {
  struct Args {
    std::string db, expect, checkpoints;
    KeyArgs keys;
  };
  auto a = std::make_shared<Args>();
  auto* verify = audit_cmd.add_subcommand(
      "verify", "verify the hash chain and the signed checkpoints of its head");
  verify->add_option("--db", a->db, "SQLite database path")->envname("SAMEN_DB");
  verify->add_option("--expect-head", a->expect,
                     "SEQ:HASH noted earlier; also detects a truncated log");
  verify->add_option("--checkpoints", a->checkpoints,
                     "a held copy of the checkpoints (samen audit checkpoints export); its "
                     "public key is used when no other is given");
  add_key_options(*verify, a->keys);
  verify->callback([a] {
    auto store = open_migrated_store(a->db, 1);
    std::optional<audit::ChainHead> expected;
    if (!a->expect.empty()) {
      expected = audit::parse_head(a->expect);
      if (!expected)
        throw CommandError("--expect-head must be SEQ:HASH with a 64-character hex hash");
    }
    auto keys = public_keys_of(a->keys);
    audit::HeldCheckpoints held;
    if (!a->checkpoints.empty()) {
      held = read_held(a->checkpoints);
      if (keys.empty()) keys = held.public_keys;
    }
    auto full = audit::verify_with_checkpoints(*store, keys, held.checkpoints);
    std::vector<std::string> problems;
    if (full.chain.intact && expected) full.chain = audit::verify_chain(*store, expected);
    if (!full.chain.intact)
      problems.push_back("audit chain broken at entry " + std::to_string(full.chain.first_bad_seq) +
                         ": " + full.chain.problem);
    else
      std::cout << "audit chain intact: " << full.chain.entries << " entries, head "
                << audit::format_head(full.chain.head) << "\n";
    print_checkpoints(full.checkpoints);
    for (const auto& p : full.checkpoints.problems) problems.push_back(p);
    if (problems.empty()) return;
    std::string message = "audit log does not verify:";
    for (const auto& p : problems) message += "\n  " + p;
    throw CommandError(message);
  });
}

void add_checkpoints(CLI::App& audit_cmd) {
  struct Args {
    std::string db, out;
    KeyArgs keys;
  };
  auto a = std::make_shared<Args>();
  auto* group = audit_cmd.add_subcommand("checkpoints", "signed checkpoints of the audit head");
  group->require_subcommand(1);
  auto* exp = group->add_subcommand(
      "export", "write the checkpoints and the public key for a second party to hold");
  exp->add_option("--db", a->db, "SQLite database path")->envname("SAMEN_DB");
  exp->add_option("--out", a->out, "file to write (JSON lines)")->required();
  add_key_options(*exp, a->keys);
  exp->callback([a] {
    auto keys = public_keys_of(a->keys);
    if (keys.size() != 1)
      throw CommandError(
          "give the key the checkpoints verify with: --audit-key or one --public-key");
    auto store = open_migrated_store(a->db, 1);
    auto checkpoints = store->begin_read()->audit_checkpoints();
    std::string tmp = a->out + ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      if (!out) throw CommandError("--out: cannot write " + tmp);
      out << audit::checkpoint_file_header(keys.front().raw);
      for (const auto& c : checkpoints) out << audit::checkpoint_line(c);
      if (!out.flush()) throw CommandError("--out: cannot write " + tmp);
    }
    std::filesystem::rename(tmp, a->out);
    std::cout << "wrote " << checkpoints.size() << " checkpoints and public key "
              << keys.front().key_id << " to " << a->out << "\n";
  });
}

void add_keygen(CLI::App& audit_cmd) {
  auto out = std::make_shared<std::string>();
  auto* keygen = audit_cmd.add_subcommand(
      "keygen", "make the Ed25519 key that signs audit checkpoints (file mode 0600)");
  keygen->add_option("--out", *out, "key file to create (never overwritten)")->required();
  keygen->callback([out] {
    auto key = audit::generate_audit_key();
    try {
      audit::write_audit_key(*out, key);
    } catch (const std::runtime_error& e) {
      throw CommandError(std::string("--out: ") + e.what());
    }
    std::cout << "audit key " << key.key_id << " written to " << *out << "\npublic key "
              << audit::public_key_hex(key.public_key) << "\n";
  });
}

}  // namespace

void add_audit_command(CLI::App& app) {
  auto* audit_cmd = app.add_subcommand("audit", "audit log tools");
  audit_cmd->require_subcommand(1);
  add_verify(*audit_cmd);
  add_checkpoints(*audit_cmd);
  add_keygen(*audit_cmd);
  auto db = std::make_shared<std::string>();
  auto* head = audit_cmd->add_subcommand("head", "print the chain head as SEQ:HASH");
  head->add_option("--db", *db, "SQLite database path")->envname("SAMEN_DB");
  head->callback([db] {
    auto store = open_migrated_store(*db, 1);
    auto tx = store->begin_read();
    auto row = tx->audit_head();
    std::cout << (row ? audit::format_head({row->seq, row->hash})
                      : audit::format_head({0, std::string(64, '0')}))
              << "\n";
  });
}

}  // namespace samen::cli
