#include "http/content_coding.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "domain/text.hpp"

namespace samen::http {
namespace {

using domain::trim;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The q-value of one element's parameters ("q=0.5"); 1 without one; nullopt when malformed
// (the element is then ignored, as if not sent).
std::optional<double> q_value(std::string_view params) {
  double q = 1.0;
  while (!params.empty()) {
    auto semicolon = params.find(';');
    auto param = trim(params.substr(0, semicolon));
    params =
        semicolon == std::string_view::npos ? std::string_view() : params.substr(semicolon + 1);
    if (param.size() < 2 || !iequals(param.substr(0, 2), "q=")) continue;
    auto number = param.substr(2);
    // std::from_chars for double is in GCC 11+; RFC 9110 allows at most three decimals.
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), q);
    if (ec != std::errc() || end != number.data() + number.size() || q < 0 || q > 1)
      return std::nullopt;
  }
  return q;
}

}  // namespace

std::vector<ContentCoding> accepted_codings(std::string_view accept_encoding) {
  std::optional<double> br, gzip, any;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto element = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    auto semicolon = element.find(';');
    auto name = trim(element.substr(0, semicolon));
    auto q = q_value(semicolon == std::string_view::npos ? std::string_view()
                                                         : element.substr(semicolon + 1));
    if (!q) continue;
    if (iequals(name, "br"))
      br = q;
    else if (iequals(name, "gzip") || iequals(name, "x-gzip"))
      gzip = q;
    else if (name == "*")
      any = q;
  }
  double br_q = br.value_or(any.value_or(0)), gzip_q = gzip.value_or(any.value_or(0));
  std::vector<ContentCoding> out;
  if (br_q > 0) out.push_back(ContentCoding::br);
  if (gzip_q > 0) out.push_back(ContentCoding::gzip);
  if (out.size() == 2 && gzip_q > br_q) std::swap(out[0], out[1]);
  return out;
}

std::string_view coding_name(ContentCoding coding) {
  return coding == ContentCoding::br ? "br" : "gzip";
}

std::string_view coding_suffix(ContentCoding coding) {
  return coding == ContentCoding::br ? ".br" : ".gz";
}

}  // namespace samen::http
