#include "sim/serve/superseded_runs.hpp"

#include <algorithm>

namespace parley::serve {

SupersededRuns::Ticket SupersededRuns::begin(const std::string& session, std::int64_t sequence) {
  if (session.empty()) return {};
  const std::lock_guard lock(mutex_);
  if (latest_.size() >= kMaxSessions && !latest_.contains(session)) latest_.clear();
  std::int64_t& latest = latest_.try_emplace(session, sequence).first->second;
  latest = std::max(latest, sequence);
  return {session, sequence};
}

bool SupersededRuns::still_current(const Ticket& ticket) const {
  if (ticket.session.empty()) return true;
  const std::lock_guard lock(mutex_);
  const auto it = latest_.find(ticket.session);
  return it == latest_.end() || it->second <= ticket.sequence;
}

}  // namespace parley::serve
