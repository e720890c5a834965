import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { forgetDraftKey } from '../drafts/draftKey';
import { resetNotificationsAnswer } from './helpers';

// findBy… and waitFor wait up to 5 s, not 1: the suite runs beside the server's tests on
// two cores, where a screen that appears after a chunk import and two fetches can take
// longer than a second. A screen that never appears still fails.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  forgetDraftKey();
  resetNotificationsAnswer();
});

// The signed-in screens are chunks the app imports when someone signs in
// (screens/screenLoader.ts). In the browser that is one fetch of a built file; here the
// first import transforms the whole screen tree, which takes longer than a query's
// timeout: each test file pays it before its tests, not inside the first one.
beforeAll(async () => {
  await Promise.all([import('../screens/ProfessionalScreens'), import('../features/family/FamilyScreens')]);
}, 60000);
