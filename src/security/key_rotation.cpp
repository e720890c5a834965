#include "security/key_rotation.hpp"

#include "security/sealed_field.hpp"

namespace samen::security {
namespace {

std::string where(const SensitiveColumn& column, std::int64_t id) {
  return std::string(column.table) + "." + std::string(column.column) + " of record " +
         std::to_string(id);
}

ResealedValue reseal(const FieldKeys& keys, const SensitiveColumn& column, StoredValue stored,
                     RotationReport& report) {
  auto id = std::to_string(stored.record_id);
  auto ad = field_associated_data(column.table, column.column, id);
  std::string plaintext;
  if (auto key_id = sealed_key_id(stored.value)) {
    auto opened = open_field(keys, stored.value, ad);
    if (!opened)
      throw RotationError("cannot re-seal " + where(column, stored.record_id) + ": " +
                          opened.error().message);
    ++report.from_key[std::string(*key_id)];
    plaintext = std::move(opened.value());
  } else {
    ++report.sealed_plain;
    plaintext = stored.value;
  }
  ResealedValue out{stored.record_id, std::move(stored.value), seal_field(keys, plaintext, ad), {}};
  if (column.blind_index) out.blind_index = column.blind_index->of(keys, plaintext);
  return out;
}

}  // namespace

RotationReport rotate_field_keys(const FieldKeys& keys, SealedValueSource& source,
                                 const RotationOptions& options) {
  RotationReport report;
  const auto& current = keys.current().id;
  std::size_t batch_size = options.batch_size > 0 ? options.batch_size : 1;
  for (const auto& column : options.columns) {
    std::int64_t after = 0;
    for (;;) {
      if (options.stop_requested && options.stop_requested()) return report;
      auto stored = source.values_to_reseal(column, current, after, batch_size);
      if (stored.empty()) break;
      std::vector<ResealedValue> batch;
      batch.reserve(stored.size());
      for (auto& value : stored) batch.push_back(reseal(keys, column, std::move(value), report));
      // A source that does not move forward would loop for ever.
      if (batch.back().record_id <= after)
        throw std::logic_error("values_to_reseal returned records not after the cursor");
      after = batch.back().record_id;
      auto written = source.write_resealed(column, batch);
      report.resealed += written;
      report.changed_meanwhile += batch.size() - written;
      if (options.on_batch) options.on_batch({column.table, column.column, after, report.resealed});
    }
  }
  report.complete = true;
  return report;
}

}  // namespace samen::security
