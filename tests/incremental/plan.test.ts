import assert from 'node:assert/strict'
import {test} from 'node:test'
import {isEmptyPlan, planUpdate} from '../../src/incremental/plan.js'
import type {SiteState} from '../../src/incremental/site-state.js'
import {must} from '../helpers/must.js'
import type {SearchPlan} from '../../src/site/search/segments.js'

const keep: SearchPlan = {kind: 'keep'}

test('rebuild: a new version of the templates or settings means a full build', () => {
  const state: SiteState = {
    version: 'a',
    pages: {'items/x/index.html': '1', 'items/y/index.html': '2'},
    bundles: {'2024': '1'},
    data: {'2023': '1', '2024': '1'}
  }
  assert.equal(planUpdate(undefined, state, keep), undefined)
  assert.equal(planUpdate({...state, version: 'b'}, state, keep), undefined)
  assert.ok(isEmptyPlan(must(planUpdate(state, state, keep))))
  const plan = must(
    planUpdate(
      state,
      {
        version: 'a',
        pages: {'items/x/index.html': '3', 'items/z/index.html': '4'},
        bundles: {'2024': '2'},
        data: {'2024': '2', '2025': '1'}
      },
      {kind: 'full'}
    )
  )
  assert.deepEqual([...plan.files], ['items/x/index.html', 'items/z/index.html'])
  assert.deepEqual(plan.stale, ['items/y/index.html'])
  assert.equal(plan.search.kind, 'full')
  assert.ok(!isEmptyPlan(must(planUpdate(state, state, {kind: 'full'}))))
  assert.deepEqual([...plan.data], ['2024', '2025'])
  assert.deepEqual(plan.staleData, ['2023'])
})
