package dev.cairn.registry.alias;

import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.artifact.FormatValidation;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.version.VersionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The activation rules of spec 20-integrity-activation, each a check that throws the contract's
 * error: pointer targets, protected-alias roles, validation, completeness, separation of duties and
 * the rate limit.
 */
final class AliasRules {

  static final String RESERVED = "latest";

  private AliasRules() {}

  static boolean isProtected(Model model, String alias) {
    return alias.equals("production") || model.protectedAliases().contains(alias);
  }

  static void requireWritable(String alias) {
    if (alias.equals(RESERVED)) {
      throw new ApiException(
          400, "ALIAS_RESERVED", "'latest' is maintained by the registry and cannot be written");
    }
  }

  static void requireRole(Caller caller, boolean protectedAlias, String alias) {
    if (protectedAlias && !caller.mayApprove()) {
      throw ApiException.forbidden(
          "'" + alias + "' is protected: changing it needs the approver role");
    }
    if (!protectedAlias && !caller.mayPublish() && !caller.mayApprove()) {
      throw ApiException.forbidden("changing an alias needs the publisher or approver role");
    }
  }

  /** A version may be pointed at from {@code variant}: it is READY and of that variant. */
  static void requirePointable(Model model, String variant, Version version) {
    if (!model.variants().contains(variant) || !variant.equals(version.variant())) {
      throw new ApiException(
          422,
          "VARIANT_MISMATCH:" + variant,
          "version '"
              + version.version()
              + "' is of variant '"
              + version.variant()
              + "', not '"
              + variant
              + "'");
    }
    if (VersionState.of(version) != VersionState.READY) {
      throw new ApiException(
          422,
          "VERSION_NOT_READY:" + variant,
          "version '" + version.version() + "' is " + version.state() + ", not READY");
    }
  }

  static void requireValidated(Policies policies, String variant, Version version) {
    if (policies.requireValidation() && !FormatValidation.passed(version.validation())) {
      throw new ApiException(
          422,
          "VALIDATION_REQUIRED:" + variant,
          "version '" + version.version() + "' has not passed the validation of its format");
    }
  }

  /**
   * Under {@code require_signature} (issue 28), {@code version} carries a signature the current
   * trust policy trusts: 422 {@code SIGNATURE_REQUIRED} without one, {@code SIGNATURE_UNTRUSTED}
   * when the policy no longer trusts its signer.
   */
  static void requireSigned(Policies policies, String variant, Version version) {
    if (!policies.signatureRequired()) {
      return;
    }
    VersionSignature signature = version.signature();
    if (signature == null) {
      throw new ApiException(
              422,
              "SIGNATURE_REQUIRED",
              "version '"
                  + version.version()
                  + "' (variant '"
                  + variant
                  + "') has no signature; this project requires a trusted one on protected"
                  + " aliases")
          .with("version", version.version())
          .with("variant", variant);
    }
    if (!Boolean.TRUE.equals(signature.trusted())) {
      throw new ApiException(
              422,
              "SIGNATURE_UNTRUSTED",
              "version '"
                  + version.version()
                  + "' (variant '"
                  + variant
                  + "') is signed by "
                  + signature.signer()
                  + ", whom the project's trust policy does not trust")
          .with("version", version.version())
          .with("variant", variant);
    }
  }

  static void requireComplete(Model model, Map<String, String> pointers) {
    for (String variant : model.variants()) {
      if (!pointers.containsKey(variant)) {
        throw new ApiException(
                422,
                "MODEL_INCOMPLETE:" + variant,
                "a protected alias needs a pointer for every variant; '" + variant + "' has none")
            .with(
                "missing",
                model.variants().stream().filter(v -> !pointers.containsKey(v)).toList());
      }
    }
  }

  /**
   * Under separation of duties, {@code approver} (the caller, or the approver it names) did not
   * create {@code version}.
   */
  static void requireSeparateDuties(Policies policies, String approver, Version version) {
    if (policies.separationOfDuties() && approver.equals(version.createdBy())) {
      throw new ApiException(
          403,
          "SEPARATION_OF_DUTIES",
          "'"
              + approver
              + "' created version '"
              + version.version()
              + "' and may not approve its activation");
    }
  }

  /**
   * Naming an approver other than oneself ({@code approved_by}) vouches for an approval: only a
   * caller holding the approver role may do it, on any alias.
   */
  static void requireMayNameApprover(Caller caller, String approvedBy) {
    if (approvedBy != null && !caller.mayApprove()) {
      throw ApiException.forbidden(
          "naming approved_by needs the approver role; the change would be recorded as approved"
              + " by '"
              + approvedBy
              + "' on the word of a caller who may not approve");
    }
  }

  /** At most {@code perMinute} writes to a protected alias in any minute (0: unlimited). */
  static void requireWithinRate(int perMinute, AliasRepository.RecentWrites recent, Instant now) {
    if (perMinute > 0 && recent.count() >= perMinute) {
      long wait =
          recent
              .oldest()
              .map(o -> Duration.between(now, o.plusSeconds(60)).toSeconds() + 1)
              .orElse(60L);
      throw new ApiException(
              429,
              "RATE_LIMITED",
              "at most " + perMinute + " changes per minute to this protected alias")
          .header("Retry-After", Long.toString(Math.max(1, wait)));
    }
  }
}
