#include "http/log_event.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace samen::http {

void log_event(LogLevel level, std::string_view event, boost::json::object fields) {
  auto spd = level == LogLevel::debug  ? spdlog::level::debug
             : level == LogLevel::info ? spdlog::level::info
             : level == LogLevel::warn ? spdlog::level::warn
                                       : spdlog::level::err;
  if (!spdlog::should_log(spd)) return;
  boost::json::object line{{"event", event}};
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  spdlog::log(spd, "{}", boost::json::serialize(line));
}

}  // namespace samen::http
