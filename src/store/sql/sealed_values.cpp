#include "store/sql/sealed_values.hpp"

namespace samen::store::sql {

std::vector<security::StoredValue> StoreSealedValues::values_to_reseal(
    const security::SensitiveColumn& column, std::string_view current_key_id, std::int64_t after,
    std::size_t limit) {
  return store_.begin_read()->values_to_reseal(column, current_key_id, after, limit);
}

std::size_t StoreSealedValues::write_resealed(const security::SensitiveColumn& column,
                                              const std::vector<security::ResealedValue>& batch) {
  auto tx = store_.begin_write();
  auto written = tx->write_resealed(column, batch);
  tx->commit();
  return written;
}

std::int64_t values_sealed_with(Store& store, std::string_view key_id) {
  auto tx = store.begin_read();
  std::int64_t count = 0;
  for (const auto& column : security::sensitive_columns())
    count += tx->count_sealed_with(column, key_id);
  return count;
}

}  // namespace samen::store::sql
