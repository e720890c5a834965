#pragma once
// How chronology entries are shown: the JSON of an entry with its author and the basis the
// viewer sees it on, and the corrections of it the viewer may see as well.
#include <boost/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "store/store.hpp"

namespace samen::api {

// The facts around one case that every decision on its entries needs, read once.
struct CaseContext {
  domain::CaseFacts facts;
  std::vector<domain::ConsentGrant> grants;
  std::vector<domain::SafetyDecision> safety;
};

// Renders the entries of one case for one viewer at one moment. A chronology names the
// same few authors and organisations many times: they are read once per request, and
// corrections are found among the entries already loaded.
class EntryRenderer {
 public:
  EntryRenderer(store::ReadTx& tx, const domain::Viewer& viewer, const CaseContext& c,
                domain::Millis at)
      : tx_(tx), viewer_(viewer), case_(c), at_(at) {}

  // The case's entries as the listing loaded them (they must outlive the renderer).
  void know(const std::vector<store::EntryRecord>& entries);
  boost::json::object render(const store::EntryRecord& e, const domain::Decision& access);

 private:
  // Whether the viewer may see another entry of the case (one this entry corrects, or a
  // correction of it): a hidden entry must not reveal itself through a link.
  bool visible(const std::string& entry_id);
  std::vector<std::string> visible_corrections(const store::EntryRecord& e);
  const std::string* user_name(const std::string& id);
  const std::string* organisation_name(const std::string& id);

  store::ReadTx& tx_;
  const domain::Viewer& viewer_;
  const CaseContext& case_;
  domain::Millis at_;
  std::unordered_map<std::string, const store::EntryRecord*> known_;
  std::unordered_map<std::string, std::optional<std::string>> users_, organisations_;
};

}  // namespace samen::api
