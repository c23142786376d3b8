package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Authentication: OAuth 2.1 bearer JWTs, API keys from a Secret, or none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.mode != 'jwt' || has(self.jwt)",
    message = "mode jwt needs the jwt section (issuer, audiences, jwksUri)")
@ValidationRule(
    value = "self.mode != 'apiKey' || has(self.apiKey)",
    message = "mode apiKey needs the apiKey section (secretRef)")
public record AuthSpec(
    @Required
        @JsonPropertyDescription(
            "jwt (OAuth bearer tokens checked against a JWKS), apiKey (keys from a Secret) or"
                + " none (unauthenticated, reported in status and at startup).")
        Mode mode,
    @JsonPropertyDescription("Settings for mode jwt.") JwtSpec jwt,
    @JsonPropertyDescription("Settings for mode apiKey.") ApiKeySpec apiKey) {

  /** Authentication modes. */
  public enum Mode {
    @JsonProperty("jwt")
    JWT,
    @JsonProperty("apiKey")
    API_KEY,
    @JsonProperty("none")
    NONE
  }

  /** OAuth 2.1 resource-server settings: which tokens this server accepts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JwtSpec(
      @Required
          @Size(min = 1, max = 2048)
          @JsonPropertyDescription("The token issuer (iss) that must match exactly.")
          String issuer,
      @Required
          @Size(min = 1, max = 16)
          @JsonPropertyDescription(
              "Accepted audiences (aud); tokens issued for any other audience are refused."
                  + " Usually the server's canonical URL.")
          List<String> audiences,
      @Required
          @Size(min = 1, max = 2048)
          @Pattern("^https?://.+")
          @JsonPropertyDescription("Where the issuer publishes its signing keys (JWKS).")
          String jwksUri,
      @Size(max = 8)
          @JsonPropertyDescription(
              "Accepted signature algorithms, all asymmetric. Default: RS256, PS256, ES256.")
          List<Algorithm> algorithms,
      @Pattern(Durations.PATTERN)
          @JsonPropertyDescription("Clock skew tolerated on exp, nbf and iat. Default: 60s.")
          String clockSkew,
      @Size(max = 16)
          @JsonPropertyDescription(
              "Authorization servers listed in the protected-resource metadata. Default: the"
                  + " issuer.")
          List<String> authorizationServers,
      @Size(max = 2048)
          @JsonPropertyDescription(
              "This server's canonical resource URI in the protected-resource metadata."
                  + " Default: the first audience.")
          String resource,
      @Size(max = 64)
          @JsonPropertyDescription("Scopes every caller needs (403 insufficient_scope otherwise).")
          List<String> requiredScopes,
      @Size(max = 128)
          @JsonPropertyDescription(
              "The claim holding the caller's groups or roles. Default: groups.")
          String groupsClaim) {}

  /** Asymmetric JWS algorithms; none and HMAC are never accepted. */
  public enum Algorithm {
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA
  }

  /** API keys kept in a Secret: every key of the Secret is one caller, named by the key. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApiKeySpec(
      @Required
          @Size(min = 1, max = 253)
          @JsonPropertyDescription(
              "The Secret holding the keys: each data key is a caller name, its value that"
                  + " caller's API key. Several keys allow rotation.")
          String secretRef,
      @Size(max = 256)
          @Pattern("^[A-Za-z0-9-]+$")
          @JsonPropertyDescription(
              "The header carrying the key. Default: Authorization (as 'Bearer <key>'); X-API-Key"
                  + " is also accepted.")
          String header) {}
}
