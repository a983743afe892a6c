import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLesson, LESSONS } from '../js/lessons.js';
import { configToParams, paramsToConfig } from '../js/urlState.js';

test('at least seven lessons with every part', () => {
  assert.ok(LESSONS.length >= 7);
  for (const lesson of LESSONS) {
    for (const part of ['id', 'title', 'text', 'formula', 'chart', 'question', 'preset', 'config']) {
      assert.ok(lesson[part], `${lesson.id} lacks ${part}`);
    }
  }
});

test('lesson ids are unique', () => {
  assert.equal(new Set(LESSONS.map((l) => l.id)).size, LESSONS.length);
});

test('lesson configurations survive the URL', () => {
  for (const lesson of LESSONS) {
    const decoded = paramsToConfig(configToParams(paramsToConfig(new URLSearchParams(), '', lesson.config).config));
    assert.deepEqual(decoded.errors, [], lesson.id);
    assert.equal(decoded.config.network.activation, lesson.config.network.activation, lesson.id);
  }
});

test('vanishing lesson runs ten sigmoid layers', () => {
  const lesson = findLesson('vanishing');
  assert.equal(lesson.config.network.depth, 10);
  assert.equal(lesson.config.network.activation, 'sigmoid');
  assert.equal(findLesson('nope'), null);
});
