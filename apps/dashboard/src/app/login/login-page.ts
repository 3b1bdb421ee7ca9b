import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { SignInOptions } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { catchError, of } from 'rxjs';

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
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  readonly returnUrl = input<string | undefined>();
  /** A single sign-on that failed comes back here as `?error=<sentence>`. */
  readonly error = input<string | undefined>();
  /** The ways in the API offers; until it answers, the password form shows (the usual case). */
  protected readonly options = toSignal(
    this.http.get<SignInOptions>('/api/auth/options').pipe(catchError(() => of(null))),
    { initialValue: null },
  );

  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  /** The provider's sign-in, coming back to where the user was going. */
  protected ssoHref(loginUrl: string): string {
    const target = this.returnUrl();
    const returnTo = target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
    return `${loginUrl}?returnTo=${encodeURIComponent(returnTo)}`;
  }

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.formError.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.session.login(email, password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (error) {
      this.formError.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
