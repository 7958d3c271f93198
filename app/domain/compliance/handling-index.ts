// The city's complaint-handling index (0–100) per unit and period, set beside the Ombudsman
// *Pengaduan* dimension (21.54 % of the 2022–2024 score, DOMAIN.md §1.3) to warn early. It is the
// city's own measure, not the Ombudsman's formula: weights are configuration, documented in
// docs/decisions/011-complaint-handling-index.md.

export interface UnitComplaintMetrics {
  /** Complaints whose stage clock ended (met or missed) in the period. */
  firstResponseDecided: number;
  firstResponseMet: number;
  resolutionDecided: number;
  resolutionMet: number;
  /** Complaints of the period that reached a unit's desk, and how many were reopened, appealed or escalated. */
  handled: number;
  reopened: number;
  appealed: number;
  escalated: number;
  /** Citizen ratings (1–5): how many, and their sum. */
  ratingCount: number;
  ratingSum: number;
}

export interface IndexComponent {
  key: "firstResponse" | "resolution" | "satisfaction" | "reopen" | "appeal" | "escalation";
  weight: number;
  /** 0–100, or null when the period has nothing to measure it on. */
  score: number | null;
}

export const HANDLING_INDEX_WEIGHTS: Record<IndexComponent["key"], number> = {
  firstResponse: 30,
  resolution: 25,
  satisfaction: 20,
  reopen: 10,
  appeal: 10,
  escalation: 5,
};

/** Below this many complaints a component is not scored: one late answer should not sink a small unit. */
export const MIN_SAMPLE = 5;

const share = (part: number, whole: number) => (whole >= MIN_SAMPLE ? (100 * part) / whole : null);
const inverseShare = (part: number, whole: number) => (whole >= MIN_SAMPLE ? 100 - (100 * part) / whole : null);

export function handlingIndexComponents(m: UnitComplaintMetrics, weights = HANDLING_INDEX_WEIGHTS): IndexComponent[] {
  const ratingScore = m.ratingCount >= MIN_SAMPLE ? ((m.ratingSum / m.ratingCount - 1) / 4) * 100 : null;
  return [
    { key: "firstResponse", weight: weights.firstResponse, score: share(m.firstResponseMet, m.firstResponseDecided) },
    { key: "resolution", weight: weights.resolution, score: share(m.resolutionMet, m.resolutionDecided) },
    { key: "satisfaction", weight: weights.satisfaction, score: ratingScore },
    { key: "reopen", weight: weights.reopen, score: inverseShare(m.reopened, m.handled) },
    { key: "appeal", weight: weights.appeal, score: inverseShare(m.appealed, m.handled) },
    { key: "escalation", weight: weights.escalation, score: inverseShare(m.escalated, m.handled) },
  ];
}

/**
 * The index: the weighted mean of the components that could be scored, re-normalised over their
 * weights; null when less than half of the total weight could be scored (too little data to say).
 */
export function handlingIndex(m: UnitComplaintMetrics, weights = HANDLING_INDEX_WEIGHTS): { index: number | null; components: IndexComponent[] } {
  const components = handlingIndexComponents(m, weights);
  const scored = components.filter((c) => c.score !== null);
  const totalWeight = components.reduce((sum, c) => sum + c.weight, 0);
  const scoredWeight = scored.reduce((sum, c) => sum + c.weight, 0);
  if (scoredWeight * 2 < totalWeight) return { index: null, components };
  const index = scored.reduce((sum, c) => sum + (c.score! * c.weight) / scoredWeight, 0);
  return { index: Math.round(index * 100) / 100, components };
}
