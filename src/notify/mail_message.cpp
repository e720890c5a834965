#include "notify/mail_message.hpp"

#include <sodium.h>

#include <cstdio>
#include <ctime>

namespace samen::notify {
namespace {

std::string base64(const std::string& data) {
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Base64 in lines of 76 characters, as MIME asks.
std::string base64_lines(const std::string& data) {
  std::string encoded = base64(data), out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

bool ascii(const std::string& text) {
  for (unsigned char c : text)
    if (c >= 0x80 || c == '\r' || c == '\n') return false;
  return true;
}

std::string header_text(const std::string& text) {
  return ascii(text) ? text : "=?UTF-8?B?" + base64(text) + "?=";
}

}  // namespace

std::string rfc5322_date(domain::Millis at) {
  // Day and month names in English whatever the locale: RFC 5322 fixes them.
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(at / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return text;
}

std::string format_message(const Envelope& e, domain::Millis date) {
  std::string m;
  m += "From: " + e.from + "\r\n";
  m += "To: " + e.to + "\r\n";
  m += "Subject: " + header_text(e.subject) + "\r\n";
  m += "Date: " + rfc5322_date(date) + "\r\n";
  m += "Message-ID: <" + e.message_id + ">\r\n";
  m += "MIME-Version: 1.0\r\n";
  // Nobody should answer a notification by mail: the answer would hold what Samen keeps out.
  m += "Auto-Submitted: auto-generated\r\n";
  const std::string text_headers =
      "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n";
  if (e.calendar.empty()) return m + text_headers + "\r\n" + base64_lines(e.body);
  const std::string boundary = "samen-" + e.message_id;
  m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  m += "--" + boundary + "\r\n" + text_headers + "\r\n" + base64_lines(e.body);
  m += "--" + boundary + "\r\n";
  m += "Content-Type: text/calendar; charset=utf-8; method=" + e.calendar_method + "\r\n";
  m += "Content-Transfer-Encoding: base64\r\n\r\n" + base64_lines(e.calendar);
  m += "--" + boundary + "--\r\n";
  return m;
}

}  // namespace samen::notify
