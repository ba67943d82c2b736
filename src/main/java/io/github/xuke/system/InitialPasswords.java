package io.github.xuke.system;

import java.security.SecureRandom;

/**
 * Initial passwords for accounts the bureau opens (enterprises, experts), shown once: 12 characters
 * from letters and digits that cannot be mistaken for each other (no 0/O, 1/l/I), at least one of each.
 */
public final class InitialPasswords {

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InitialPasswords() {}

  public static String next() {
    while (true) {
      StringBuilder password = new StringBuilder();
      for (int i = 0; i < LENGTH; i++) {
        password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      String candidate = password.toString();
      if (candidate.chars().anyMatch(Character::isLetter) && candidate.chars().anyMatch(Character::isDigit)) {
        return candidate;
      }
    }
  }
}
