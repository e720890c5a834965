#pragma once
// A page of a case's chronology as one policy step: the handler gives the page's facts
// (viewer, case, grants, safety decisions, the rows the store selected and the entries they
// link to) and gets back, in one call, which rows are shown on which decision, what the
// viewer may do with each, which linked entries may be named, and the audit events of the
// page. The request then walks down and back once, instead of api → policy → api per row.
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "domain/policy_may.hpp"

namespace samen::domain {

struct ChronologyRow {
  EntryFacts facts;
  std::string kind;
  std::string corrects;                   // the entry this one corrects, if any
  std::vector<std::string> corrected_by;  // entries that correct this one
};

struct ChronologyFacts {
  Viewer viewer;
  const CaseFacts* case_facts = nullptr;
  const std::vector<ConsentGrant>* grants = nullptr;
  const std::vector<SafetyDecision>* safety = nullptr;
  Millis at = 0;
};

// One audit event of the page: a decision and, in the order shown, the entries it covers
// (one event per rule and legal basis; docs/decisions.md, "Auditing a listing"). A page
// that shows nothing has one group, `listing.empty`, without ids.
struct AuditGroup {
  Decision decision;
  std::vector<std::string> ids;
};

struct ChronologyPage {
  struct Shown {
    std::size_t row;  // index into the rows given
    Decision decision;
    EntryMay may;
    bool author_named = false;  // the author by name, or (to the family) by role only
  };
  std::vector<Shown> shown;
  // Of the rows and the linked entries, those the viewer may see: only these are named in
  // `corrects` and `corrected_by` (naming a hidden entry would reveal that it exists).
  std::unordered_set<std::string> visible;
  std::vector<AuditGroup> audit;
};

// `linked`: the entries outside the page that its rows correct or are corrected by.
ChronologyPage decide_chronology_page(const ChronologyFacts& facts,
                                      const std::vector<ChronologyRow>& rows,
                                      const std::vector<EntryFacts>& linked);

}  // namespace samen::domain
