import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keepingStatements } from './statement-cache.ts';

describe('kept statements', () => {
	it('prepares a query once, and still runs it after the schema changed', () => {
		const sqlite = new Database(':memory:');
		const db = keepingStatements(sqlite);
		db.prepare('create table t (a integer)').run([]);
		const insert = db.prepare('insert into t (a) values (?)');
		insert.run([1]);
		expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
		sqlite.exec('alter table t add column b text');
		db.prepare('insert into t (a) values (?)').run([2]);
		expect(db.prepare('select a, b from t order by a').all([])).toEqual([
			{ a: 1, b: null },
			{ a: 2, b: null }
		]);
		db.close();
	});

	it('keeps at most 256, letting the least recently used go', () => {
		const db = keepingStatements(new Database(':memory:'));
		const first = db.prepare('select 0');
		for (let i = 1; i <= 256; i++) db.prepare(`select ${i}`);
		expect(db.prepare('select 0')).not.toBe(first);
		db.close();
	});
});
