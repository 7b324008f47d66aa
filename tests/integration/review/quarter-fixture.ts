import type { Person } from "../../../src/domain/person.ts";

/**
 * The sample plan's 19 actions (CSC-01…CSC-19) and three leads whose `--leads` values are written
 * with different spacing and case from the plan's Lead cells. Everything else has no lead in the
 * directory. 2026-Q3's review is on Thursday 31 December 2026; with Christmas Day and the Boxing
 * Day substitute (Monday 28th) in the way, the rounds fall on 9, 18 and 29 December.
 */
export const LEADS = {
  hana: {
    email: "hana.osei@council.gov.uk",
    name: "Hana Osei",
    leads: ["hos / service manager"],
    refs: ["CSC-01", "CSC-02", "CSC-03", "CSC-07", "CSC-11"],
  },
  ira: {
    email: "ira.roberts@council.gov.uk",
    name: "Ira Roberts",
    leads: ["IRO", "HoS / Service Manager / IRO"],
    refs: ["CSC-04", "CSC-05"],
  },
  tom: {
    email: "tom.mensah@council.gov.uk",
    name: "Tom Mensah",
    leads: ["HoS/Service Manager/Team Manager", "service manager/team manager"],
    refs: ["CSC-09", "CSC-12", "CSC-15", "CSC-17", "CSC-18"],
  },
} as const;

export const DMT = { email: "dee.director@council.gov.uk", name: "Dee Director" };

export const ROUND_DAYS = { open: "2026-12-09", chase: "2026-12-18", final: "2026-12-29" } as const;

export function leadPerson(lead: (typeof LEADS)[keyof typeof LEADS]): Person {
  return {
    id: lead.email,
    email: lead.email,
    name: lead.name,
    roles: ["lead"],
    leads: [...lead.leads],
  };
}

export const dmtPerson: Person = {
  id: DMT.email,
  email: DMT.email,
  name: DMT.name,
  roles: ["dmt"],
  leads: [],
};

/** Working days from `from` to `to`, as the scheduler would see them (weekends and holidays too: it decides). */
export function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = new Date(`${from}T12:00:00Z`);
    d <= new Date(`${to}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The Refs a card mentions ("CSC-07"), in order, once each. */
export function refsIn(text: string): string[] {
  return [...new Set(text.match(/CSC-\d{2}/g) ?? [])];
}
