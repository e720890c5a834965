#pragma once
// The store as key rotation's SealedValueSource (security/key_rotation.hpp), for either
// backend: each call is a transaction of its own, so a rotation runs beside a serving
// server (its write batches take turns with the server's writes) and can be stopped
// between any two batches. The SQL is SqlTx's (sql_tx_sealed.cpp).
#include "security/key_rotation.hpp"
#include "store/store.hpp"

namespace samen::store::sql {

class StoreSealedValues final : public security::SealedValueSource {
 public:
  explicit StoreSealedValues(Store& store) : store_(store) {}
  std::vector<security::StoredValue> values_to_reseal(const security::SensitiveColumn& column,
                                                      std::string_view current_key_id,
                                                      std::int64_t after,
                                                      std::size_t limit) override;
  std::size_t write_resealed(const security::SensitiveColumn& column,
                             const std::vector<security::ResealedValue>& batch) override;

 private:
  Store& store_;
};

// How many values of every sealed column still carry key `key_id` (0: it may be retired).
std::int64_t values_sealed_with(Store& store, std::string_view key_id);

}  // namespace samen::store::sql
