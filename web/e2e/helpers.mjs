// What every flow file shares: the demo logins and the steps most flows begin with.
import { PASSWORD } from './server.mjs';

// The demo region's logins (src/demo/demo_region.cpp); every one has the password PASSWORD.
export const MENTOR = 'mentor@hetbaken.example';
export const TEACHER = 'docent@hetbaken.example';
export const CARE_COORDINATOR = 'zorg@hetbaken.example';
export const ADMIN = 'beheer@lindeveld.example'; // two memberships: municipality and Het Baken
export const FAMILY_WORKER = 'gezinswerker@buurtteam.example';
export const ATTENDANCE_OFFICER = 'leerplicht@lindeveld.example';
export const YOUTH_NURSE = 'jv@ggd-lindeveld.example';
export const SCHOOL_CARE_WORKER = 'sph@debrug.example';
export const PRIVACY_OFFICER = 'fg@lindeveld.example';
export const GUARDIAN = 'ouder@ouders.example';
export const PUPIL = 'leerling@hetbaken.example';

export async function login(page, server, email, password = PASSWORD) {
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Inloggen bij Samen' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The text of the elements an element's aria-describedby names. */
export async function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The page does not scroll sideways (WCAG 1.4.10 reflow); tables scroll in their own box. */
export async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
