import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { NEVER } from 'rxjs';
import { FormDialog } from './form-dialog';
import { FormSubmit } from './form-submit';

@Component({
  imports: [ReactiveFormsModule, FormDialog],
  template: `
    <lib-form-dialog title="New team" formId="team-form" submitLabel="Create team" [submit]="submit">
      <form [formGroup]="form" id="team-form"><input formControlName="name" /></form>
    </lib-form-dialog>
  `,
})
class Host {
  readonly form = new FormGroup({ name: new FormControl('') });
  readonly submit = new FormSubmit({ form: this.form, describeError: () => ({ message: 'x', body: null }) });
}

describe('FormDialog', () => {
  it('frames the form with its title, banner, saving bar and buttons', () => {
    TestBed.configureTestingModule({ providers: [{ provide: MatDialogRef, useValue: { close: jest.fn() } }] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h2')?.textContent).toBe('New team');
    expect(el.querySelector('mat-dialog-content form input')).not.toBeNull();
    const submit = el.querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(submit?.getAttribute('form')).toBe('team-form');
    expect(submit?.textContent?.trim()).toBe('Create team');
    expect(el.querySelector('[role="alert"]')).toBeNull();

    const host = fixture.componentInstance;
    void host.submit.send(() => NEVER, jest.fn());
    host.submit.error.set('A team named NA SMB already exists.');
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('A team named NA SMB already exists.');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Saving');
    expect(submit?.disabled).toBe(true);
  });
});
