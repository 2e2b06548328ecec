import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config/validate.js';

const schema = JSON.parse(readFileSync('schema/quidpro.config.schema.json', 'utf8'));
const validateBySchema = new Ajv({ allErrors: true }).compile(schema);

const valid: unknown[] = [
  {},
  { tactics: { freebie: 'off', obligation: 'error', 'lead-magnet': 'info' }, minConfidence: 0.5 },
  { phrases: { freebie: ['swag bag'] }, allow: ['Free Range Coffee'], ignore: ['drafts/**'] },
  { $schema: './node_modules/quidpro/schema/quidpro.config.schema.json', minConfidence: 0 },
  { minConfidence: 1, tactics: {} },
];

const invalid: Array<[unknown, string]> = [
  [[], ''],
  ['text', ''],
  [{ tactics: { freebie: 'loud' } }, 'tactics.freebie'],
  [{ tactics: { giveaway: 'off' } }, 'tactics.giveaway'],
  [{ tactics: ['freebie'] }, 'tactics'],
  [{ minConfidence: 1.5 }, 'minConfidence'],
  [{ minConfidence: '0.5' }, 'minConfidence'],
  [{ phrases: { freebie: 'swag bag' } }, 'phrases.freebie'],
  [{ phrases: { nope: ['x'] } }, 'phrases.nope'],
  [{ phrases: { freebie: [''] } }, 'phrases.freebie[0]'],
  [{ allow: 'Free Range Coffee' }, 'allow'],
  [{ allow: [3] }, 'allow[0]'],
  [{ ignore: ['  '] }, 'ignore[0]'],
  [{ severity: { freebie: 'error' } }, 'severity'],
  [{ $schema: 5 }, '$schema'],
];

describe('configuration validator and JSON Schema', () => {
  it.each(valid.map((c) => [JSON.stringify(c), c]))('both accept %s', (_, config) => {
    expect(validateBySchema(config), JSON.stringify(validateBySchema.errors)).toBe(true);
    expect(() => validateConfig(config, 'quidpro.config.json')).not.toThrow();
  });

  it.each(invalid.map(([c, key]) => [JSON.stringify(c), c, key] as const))('both reject %s', (_, config, key) => {
    expect(validateBySchema(config)).toBe(false);
    let error: unknown;
    try {
      validateConfig(config, 'quidpro.config.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith('quidpro.config.json: ')).toBe(true);
    if (key) expect(message).toContain(`"${key}"`);
  });

  it('names the allowed settings in the message', () => {
    expect(() => validateConfig({ tactics: { freebie: 'loud' } }, 'quidpro.config.json')).toThrow(
      'quidpro.config.json: "tactics.freebie" must be one of off, error, warning, info',
    );
  });

  it('lists every tactic id in the schema', async () => {
    const { TACTIC_IDS } = await import('../../src/types.js');
    expect(Object.keys(schema.properties.tactics.properties).sort()).toEqual([...TACTIC_IDS].sort());
    expect(Object.keys(schema.properties.phrases.properties).sort()).toEqual([...TACTIC_IDS].sort());
  });
});
