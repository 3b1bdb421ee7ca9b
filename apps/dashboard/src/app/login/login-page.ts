import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { describeError, SessionService } from '@stint/dashboard-session';

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      place-items: center;
      min-height: 100vh;
      background: var(--mat-sys-surface-container);
    }
    mat-card {
      width: min(400px, 92vw);
      padding: 8px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    h1 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
    }
    p.lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .notice {
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-secondary-container);
      padding: 8px 12px;
      border-radius: 8px;
      margin-bottom: 12px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0 0 8px;
    }
  `,
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h1>Sign in to Stint</h1>
        <p class="lead">Sales rotations for product managers.</p>
        @if (session.notice(); as notice) {
          <p class="notice" role="status">{{ notice }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()">
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="username" required />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter your email address.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>That is not an email address.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="current-password" required />
            @if (form.controls.password.hasError('required')) {
              <mat-error>Enter your password.</mat-error>
            }
          </mat-form-field>
          @if (error(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" aria-label="Signing in" />
          }
          <button mat-flat-button type="submit" [disabled]="busy()">Sign in</button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class LoginPage {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  readonly returnUrl = input<string | undefined>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.session.login(email, password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (error) {
      this.error.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
