import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetDraftKey } from '../drafts/draftKey';

afterEach(() => {
  cleanup();
  localStorage.clear();
  forgetDraftKey();
});
