#pragma once
// Server log lines are JSON objects, one per line, built with Boost.JSON so any text in
// them (an exception message, say) is escaped properly. Never put personal data in them.
#include <boost/json/object.hpp>
#include <string_view>

namespace samen::http {

enum class LogLevel { debug, info, warn, error };

void log_event(LogLevel level, std::string_view event, boost::json::object fields = {});

}  // namespace samen::http
