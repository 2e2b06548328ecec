/**
 * The tactic registry, in the order of TACTICS.md. Adding a tactic: one file
 * here (meta + lexicon + detect), one lexicon JSON beside it, one line below,
 * and a fixtures folder (fixtures/tactics/<id>/).
 */
import type { Tactic } from '../types.js';
import { doorInTheFace } from './door-in-the-face.js';
import { footInTheDoor } from './foot-in-the-door.js';
import { freebie } from './freebie.js';
import { leadMagnet } from './lead-magnet.js';
import { obligation } from './obligation.js';
import { thatsNotAll } from './thats-not-all.js';

export const TACTICS: readonly Tactic[] = [freebie, leadMagnet, thatsNotAll, footInTheDoor, doorInTheFace, obligation];

export function tacticById(id: string): Tactic | undefined {
  return TACTICS.find((t) => t.meta.id === id);
}
