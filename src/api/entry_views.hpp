#pragma once
// How chronology entries are shown: the decisions of a page in one policy step
// (domain::decide_chronology_page, with the entries its rows link to read first), its audit
// events, and the JSON of an entry with its author, the basis it is shown on, what the
// viewer may do with it, and only the links the viewer may follow.
#include <boost/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "api/auth.hpp"
#include "domain/case.hpp"
#include "domain/chronology.hpp"
#include "domain/policy.hpp"
#include "http/json_writer.hpp"
#include "store/store.hpp"

namespace samen::api {

// The facts around one case that every decision on its entries needs, read once.
struct CaseContext {
  domain::CaseFacts facts;
  std::vector<domain::ConsentGrant> grants;
  std::vector<domain::SafetyDecision> safety;
};

// Reads the entries outside `entries` that they correct or are corrected by, and decides
// the page for `viewer` at `at`.
domain::ChronologyPage decide_page(store::ReadTx& tx, const domain::Viewer& viewer,
                                   const CaseContext& c,
                                   const std::vector<store::EntryRecord>& entries,
                                   domain::Millis at);

// One `list` event per audit group of the page, its ids joined by ',' in the order shown.
std::vector<audit::Event> page_events(const Actor& actor, const http::Request& req,
                                      const domain::ChronologyPage& page,
                                      const std::string& pupil_id);

// Renders the entries of one case for one viewer. A chronology names the same few authors
// and organisations many times: they are read once per request.
class EntryRenderer {
 public:
  explicit EntryRenderer(store::ReadTx& tx) : tx_(tx) {}

  // `shown`: what the page's policy step decided for the entry (access, may, the author by
  // name); `visible`: the entries the viewer may see (ChronologyPage::visible). The renderer
  // decides nothing itself. `write` streams the entry into a listing's body; `render` is
  // the same as a tree, for one entry.
  void write(http::JsonWriter& out, const store::EntryRecord& e,
             const domain::ChronologyPage::Shown& shown,
             const std::unordered_set<std::string>& visible);
  boost::json::object render(const store::EntryRecord& e,
                             const domain::ChronologyPage::Shown& shown,
                             const std::unordered_set<std::string>& visible);

 private:
  const std::string* user_name(const std::string& id);
  const std::string* organisation_name(const std::string& id);

  store::ReadTx& tx_;
  std::unordered_map<std::string, std::optional<std::string>> users_, organisations_;
};

}  // namespace samen::api
