#pragma once
// What the store must protect, declared once per record kind (one table): which columns
// are sealed at rest (sealed_field.hpp), which sealed value also gets a blind index for
// exact-match search, and which retention class the records fall under. The store seals
// and opens by this table instead of per method, so a resource added later is protected by
// adding its line here; tests/security/record_kinds_test.cpp fails when a table of the
// schema is not declared.
//
// It sits in security/, not domain/ (the domain knows no tables) and not store/ (whose
// backends are being merged into one implementation): the store reads it, nothing here
// reads the store.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/retention.hpp"
#include "security/field_keys.hpp"

namespace samen::security {

// A sealed column whose plaintext is also kept as a blind index in another column.
struct BlindIndex {
  std::string_view column;  // where the index value is stored, e.g. pupils.bsn_index
  // The index of a plaintext; nullopt when it cannot be indexed (then NULL is stored).
  std::optional<std::string> (*of)(const FieldKeys& keys, std::string_view plaintext);
};

struct SealedColumn {
  std::string_view column;
  std::optional<BlindIndex> blind_index = std::nullopt;
};

struct RecordKind {
  std::string_view table;
  std::vector<SealedColumn> sealed;  // empty: nothing in it is sealed
  domain::RetentionClass retention;
  // The integer key that names a record in the associated data and orders a rotation.
  std::string_view key_column = "id";
};

// One place a sealed value lives: what a rotation walks and what associated data names.
struct SensitiveColumn {
  std::string_view table;
  std::string_view column;
  std::optional<BlindIndex> blind_index = std::nullopt;
  std::string_view key_column = "id";  // as RecordKind::key_column
};

// Every table of the schema that holds data, in no particular order.
const std::vector<RecordKind>& record_kinds();
// The kind of `table`; nullptr for a table nobody declared.
const RecordKind* record_kind(std::string_view table);
// Whether `table`.`column` is sealed.
bool is_sealed_column(std::string_view table, std::string_view column);
// Every sealed column of `kinds`, table by table.
std::vector<SensitiveColumn> sensitive_columns(
    const std::vector<RecordKind>& kinds = record_kinds());

}  // namespace samen::security
