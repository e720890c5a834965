import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'samen.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/**
 * Loads the texts of a language other than Dutch when first chosen: Dutch is in the first
 * load (it is the fallback of every key), English comes as a chunk of its own, so that the
 * Dutch majority does not download it.
 */
async function loadTexts(language: Language) {
  if (language === 'nl' || i18next.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en);
}

/**
 * Dutch first: the stored choice, else Dutch (never the browser's language). Resolves once
 * the texts of that language are there (at once for Dutch).
 */
export function initI18n(language: Language = storedLanguage()): Promise<void> {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { nl: { translation: nl } },
      lng: 'nl',
      fallbackLng: 'nl',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return switchTo(language);
}

async function switchTo(language: Language) {
  if (language !== 'nl') await loadTexts(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  return switchTo(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nl';
}
