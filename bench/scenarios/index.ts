import type { Scenario } from '../lib/scenario.ts';
import { c1 } from './c1-cluster.ts';
import { p1 } from './p1-latency.ts';
import { p2 } from './p2-fanout.ts';
import { p3 } from './p3-memory.ts';
import { p4 } from './p4-browser.ts';
import { p5 } from './p5-isolation.ts';
import { p6 } from './p6-persistence.ts';
import { p7 } from './p7-restart.ts';
import { p8 } from './p8-growth.ts';
import { p9 } from './p9-crash.ts';
import { s1 } from './s1-standup.ts';

export const SCENARIOS: Scenario[] = [p1, p2, p3, p4, p5, p6, p7, p8, p9, s1, c1];
