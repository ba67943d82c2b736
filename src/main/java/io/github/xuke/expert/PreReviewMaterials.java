package io.github.xuke.expert;

import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.document.StoredDocument;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an expert pre-reviews: the materials the enterprise actually submitted and the bureau accepted
 * (at intake or on a later re-check), each with its documents to open, and apart from them — never
 * reviewable — the tolerated items still to be supplied (容缺待补). Materials waived under the rules
 * are not shown at all.
 */
final class PreReviewMaterials {

  /** The states of a material that is there to review. */
  static final Set<MaterialStatus> REVIEWABLE = EnumSet.of(MaterialStatus.SUBMITTED, MaterialStatus.SUPPLIED);

  /** The download of a document, staff's endpoint (the expert may read the case while on its panel). */
  static final String DOCUMENT_LINK = "/api/documents/";

  private PreReviewMaterials() {}

  static boolean reviewable(MaterialItem item) {
    return REVIEWABLE.contains(item.status());
  }

  /** The materials to review, in the order of the licence type's list. */
  static List<MaterialItem> toReview(List<MaterialItem> materials) {
    return materials.stream().filter(PreReviewMaterials::reviewable).toList();
  }

  /** The tolerated items not (or not yet acceptably) supplied. */
  static List<MaterialItem> outstanding(List<MaterialItem> materials) {
    return materials.stream().filter(item -> item.status().outstanding()).toList();
  }

  /**
   * The submitted materials as the form's text shows them (Markdown): one line each, its documents as
   * links, in the order they were uploaded.
   */
  static String submittedText(List<MaterialItem> materials, List<StoredDocument> documents) {
    List<MaterialItem> toReview = toReview(materials);
    if (toReview.isEmpty()) {
      return "本案没有已提交的技术材料。";
    }
    StringBuilder text = new StringBuilder("**已提交的材料**（点击文件名打开）：\n\n");
    for (MaterialItem item : toReview) {
      text.append("- ").append(escaped(item.materialName())).append("：");
      List<StoredDocument> files = documents.stream()
          .filter(document -> item.materialCode().equals(document.materialCode())).toList();
      if (files.isEmpty()) {
        text.append("纸质材料，无电子文档（可在窗口调阅）");
      }
      for (int i = 0; i < files.size(); i++) {
        StoredDocument file = files.get(i);
        text.append(i == 0 ? "" : "、").append('[').append(escaped(file.originalName())).append("](")
            .append(DOCUMENT_LINK).append(file.id()).append(')');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The tolerated items as the form shows them, or null when there are none (the text is then hidden). */
  static String outstandingText(List<MaterialItem> materials) {
    List<MaterialItem> outstanding = outstanding(materials);
    if (outstanding.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder("**容缺待补**（尚未提交，不在本次预审范围，补交后由窗口核验）：\n\n");
    outstanding.forEach(item -> text.append("- ").append(escaped(item.materialName())).append("（")
        .append(item.status().displayName()).append("）\n"));
    return text.toString();
  }

  /**
   * A name as literal Markdown text: an uploaded file's name is the enterprise's, so every character that
   * Markdown or HTML would read as markup is escaped (the form's renderer sanitizes its HTML as well).
   */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : (text == null ? "" : text).toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> {
          if ("\\`*_{}[]()#+-.!|~\"'=".indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
