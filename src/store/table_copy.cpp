#include "store/table_copy.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "store/store.hpp"

namespace samen::store {

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<TableInfo> order_by_dependencies(std::vector<TableInfo> tables) {
  std::sort(tables.begin(), tables.end(),
            [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
  std::set<std::string> known;
  for (const auto& t : tables) known.insert(t.name);
  std::vector<TableInfo> ordered;
  std::set<std::string> placed;
  while (ordered.size() < tables.size()) {
    bool progressed = false;
    for (const auto& t : tables) {
      if (placed.count(t.name)) continue;
      bool ready = std::all_of(t.parents.begin(), t.parents.end(), [&](const std::string& p) {
        return p == t.name || !known.count(p) || placed.count(p);
      });
      if (!ready) continue;
      ordered.push_back(t);
      placed.insert(t.name);
      progressed = true;
    }
    if (!progressed)
      throw StoreError("the tables' foreign keys form a cycle; cannot order the copy");
  }
  return ordered;
}

void TableDigest::add(const RawRow& row) {
  // Length-prefixed fields with a NULL marker: no two different rows encode alike.
  std::string encoded;
  for (const auto& value : row) {
    if (!value) {
      encoded += "N;";
      continue;
    }
    encoded += std::to_string(value->size());
    encoded += ':';
    encoded += *value;
  }
  unsigned char hash[8];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(encoded.data()),
                     encoded.size(), nullptr, 0);
  std::uint64_t h = 0;
  std::memcpy(&h, hash, sizeof h);
  ++rows_;
  sum_ += h;
  xor_ ^= h;
}

namespace {

std::string describe_columns(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

// Both sides must hold the same tables with the same columns in the same order: a copy
// between binaries of different schema versions would silently drop data otherwise.
void require_same_schema(const std::vector<TableInfo>& from, const std::vector<TableInfo>& to) {
  std::map<std::string, const TableInfo*> target;
  for (const auto& t : to) target[t.name] = &t;
  for (const auto& t : from) {
    auto it = target.find(t.name);
    if (it == target.end()) throw StoreError("the destination has no table " + t.name);
    if (describe_columns(t) != describe_columns(*it->second))
      throw StoreError("table " + t.name + " differs: source (" + describe_columns(t) +
                       "), destination (" + describe_columns(*it->second) + ")");
    target.erase(it);
  }
  if (!target.empty()) throw StoreError("the source has no table " + target.begin()->first);
}

constexpr std::size_t kBatchRows = 2000;

}  // namespace

std::vector<TableCopyReport> copy_tables(
    ReadTx& from, WriteTx& to,
    const std::function<void(const std::string&, std::int64_t)>& progress) {
  auto source_tables = order_by_dependencies(from.data_tables());
  auto target_tables = to.data_tables();
  require_same_schema(source_tables, target_tables);
  std::map<std::string, TableInfo> target_by_name;
  for (auto& t : target_tables) target_by_name[t.name] = std::move(t);

  for (const auto& t : source_tables) {
    bool empty = true;
    to.scan_table(target_by_name[t.name], [&](const RawRow&) { empty = false; });
    if (!empty) throw StoreError("the destination is not empty: table " + t.name + " has rows");
  }

  std::vector<TableCopyReport> reports;
  for (const auto& t : source_tables) {
    const TableInfo& target = target_by_name[t.name];
    TableCopyReport report{t.name, {}};
    std::vector<RawRow> batch;
    batch.reserve(kBatchRows);
    auto flush = [&] {
      if (batch.empty()) return;
      to.load_rows(target, batch);
      batch.clear();
      if (progress) progress(t.name, report.digest.rows());
    };
    from.scan_table(t, [&](const RawRow& row) {
      report.digest.add(row);
      batch.push_back(row);
      if (batch.size() == kBatchRows) flush();
    });
    flush();
    if (progress) progress(t.name, report.digest.rows());
    reports.push_back(std::move(report));
  }
  to.after_bulk_load();
  return reports;
}

std::vector<TableCopyReport> digest_tables(ReadTx& tx) {
  std::vector<TableCopyReport> reports;
  for (const auto& t : order_by_dependencies(tx.data_tables())) {
    TableCopyReport report{t.name, {}};
    tx.scan_table(t, [&](const RawRow& row) { report.digest.add(row); });
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace samen::store
