#include "store/sql/sealing.hpp"

#include <stdexcept>

#include "security/record_kinds.hpp"
#include "security/sealed_field.hpp"
#include "store/store.hpp"

namespace samen::store::sql {
namespace {

const security::SealedColumn& declared(std::string_view table, std::string_view column) {
  if (const auto* kind = security::record_kind(table))
    for (const auto& sealed : kind->sealed)
      if (sealed.column == column) return sealed;
  throw std::logic_error(std::string(table) + "." + std::string(column) +
                         " is not declared sealed in security/record_kinds.cpp");
}

}  // namespace

std::string Sealing::seal(std::string_view table, std::string_view column,
                          std::string_view record_id, std::string_view plaintext) const {
  declared(table, column);
  if (plaintext.empty() || !keys_) return std::string(plaintext);
  return security::seal_column(*keys_, table, column, record_id, plaintext);
}

std::string Sealing::open(std::string_view table, std::string_view column,
                          std::string_view record_id, std::string stored) const {
  declared(table, column);
  if (!security::is_sealed(stored)) return stored;
  if (!keys_)
    throw StoreError(std::string(table) + "." + std::string(column) + " of record " +
                     std::string(record_id) +
                     " is sealed, and this store was opened without field keys "
                     "(--field-keys FILE or SAMEN_FIELD_KEYS)");
  try {
    return security::open_column(*keys_, table, column, record_id, stored);
  } catch (const security::SealedFieldError& e) {
    throw StoreError(std::string("cannot open a sealed value: ") + e.what() + " (" + e.code + ")");
  }
}

std::optional<std::string> Sealing::blind_index(std::string_view table, std::string_view column,
                                                std::string_view plaintext) const {
  const auto& sealed = declared(table, column);
  if (!sealed.blind_index || !keys_ || plaintext.empty()) return std::nullopt;
  return sealed.blind_index->of(*keys_, plaintext);
}

}  // namespace samen::store::sql
