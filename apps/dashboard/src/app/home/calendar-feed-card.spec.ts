import { InteractivityChecker } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { CalendarFeedCard } from './calendar-feed-card';
import { webcalUrl } from './calendar-feed-link';

const FIRST = 'https://stint.example.com/api/calendar/3q2-7wEvb0N8Yd1Xf9kGzU4pT6aLcHsR5mJxVeBnKoI.ics';
const SECOND = 'https://stint.example.com/api/calendar/Zz9-aaEvb0N8Yd1Xf9kGzU4pT6aLcHsR5mJxVeBnKoI.ics';

/** jsdom lays nothing out, so the dialog would find no visible button to focus first. */
@Injectable()
class LayoutFreeChecker extends InteractivityChecker {
  override isVisible(): boolean {
    return true;
  }
}

describe('webcalUrl', () => {
  it('hands an http(s) address to the calendar app', () => {
    expect(webcalUrl(FIRST)).toBe(
      'webcal://stint.example.com/api/calendar/3q2-7wEvb0N8Yd1Xf9kGzU4pT6aLcHsR5mJxVeBnKoI.ics',
    );
    expect(webcalUrl('http://localhost:3000/api/calendar/x.ics')).toBe('webcal://localhost:3000/api/calendar/x.ics');
    expect(webcalUrl('HTTPS://a.example/x.ics')).toBe('webcal://a.example/x.ics');
  });
});

describe('CalendarFeedCard', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CalendarFeedCard>;
  let el: HTMLElement;
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  const button = (root: ParentNode, label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().endsWith(label));
  const feedCall = () => http.expectOne((r) => r.method === 'POST' && r.url === '/api/me/calendar-feed');
  const shownUrl = () => el.querySelector<HTMLInputElement>('[data-testid="calendar-feed-url"]');

  async function createLink(url = FIRST): Promise<void> {
    button(el, 'Create calendar link')?.click();
    await settle();
    feedCall().flush({ url });
    await settle();
  }

  function setClipboard(value: unknown): void {
    Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: InteractivityChecker, useClass: LayoutFreeChecker },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeedCard);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => {
    http.verify();
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as unknown as Record<string, unknown>)['clipboard'];
  });

  it('makes a link on request and shows it, with its webcal:// form and a warning to keep it private', async () => {
    expect(el.textContent).toContain('Subscribe to your rotations and check-ins in your own calendar.');
    expect(shownUrl()).toBeNull();
    http.expectNone('/api/me/calendar-feed');

    button(el, 'Create calendar link')?.click();
    await settle();
    const call = feedCall();
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    expect(button(el, 'Create calendar link')?.disabled).toBe(true);
    call.flush({ url: FIRST });
    await settle();

    expect(shownUrl()?.value).toBe(FIRST);
    expect(shownUrl()?.readOnly).toBe(true);
    expect(el.querySelector('mat-label')?.textContent?.trim()).toBe('Your calendar link');
    expect(el.querySelector('[data-testid="calendar-feed-webcal"]')?.getAttribute('href')).toBe(webcalUrl(FIRST));
    expect(el.querySelector('[data-testid="calendar-feed-webcal"]')?.textContent?.trim()).toMatch(
      /Open in calendar app$/,
    );
    expect(el.textContent).toContain('Keep this link private: anyone with it can see your rotations.');
    expect(button(el, 'Create calendar link')).toBeUndefined();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
  });

  it('asks before making a new link, and makes none when the user keeps the old one', async () => {
    await createLink();
    button(el, 'Make a new link')?.click();
    await settle();
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]') as HTMLElement;
    expect(dialog.textContent).toContain('Make a new calendar link?');
    expect(dialog.textContent).toContain('The link you have now stops working at once');
    button(dialog, 'Keep this link')?.click();
    await settle();
    http.expectNone('/api/me/calendar-feed');
    expect(shownUrl()?.value).toBe(FIRST);

    button(el, 'Make a new link')?.click();
    await settle();
    button(document.querySelector('[role="alertdialog"]') as HTMLElement, 'Make a new link')?.click();
    await settle();
    feedCall().flush({ url: SECOND });
    await settle();
    expect(shownUrl()?.value).toBe(SECOND);
    expect(el.querySelector('[data-testid="calendar-feed-webcal"]')?.getAttribute('href')).toBe(webcalUrl(SECOND));
  });

  it('copies the link with the Clipboard API and says so', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    await createLink();
    button(el, 'Copy link')?.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(FIRST);
    expect(document.body.textContent).toContain('Link copied');
  });

  it('selects the link for the user to copy when there is no Clipboard API', async () => {
    setClipboard(undefined);
    await createLink();
    button(el, 'Copy link')?.click();
    await settle();
    const input = shownUrl() as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, FIRST.length]);
    expect(document.body.textContent).toContain('The link is selected: press Ctrl+C');
  });

  it('says why a link could not be made, and offers to try again', async () => {
    button(el, 'Create calendar link')?.click();
    await settle();
    feedCall().flush(
      { statusCode: 503, code: 'UNAVAILABLE', message: 'The database is not answering.', details: {} },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not make a calendar link: The database is not answering.',
    );
    expect(button(el, 'Create calendar link')?.disabled).toBe(false);
  });
});
