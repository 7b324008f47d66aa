import type { Clock } from "../../../src/clock.ts";
import { openTempStore } from "../../support/temp-store.ts";

/** A real embedded store in a temp folder. */
export const openDemoStore = (clock: Clock) => openTempStore(clock, "plan-tracker-demo-");

/** 23 November 2026, 10:00 in London: a Monday in 2026-Q3, before that review's reminders start. */
export const DEMO_NOW = new Date("2026-11-23T10:00:00Z");
export const fixedClock = (at: Date = DEMO_NOW): Clock => ({ now: () => new Date(at) });
