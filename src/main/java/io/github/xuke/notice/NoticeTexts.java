package io.github.xuke.notice;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The wording of the notices: one Thymeleaf text template per kind,
 * {@code src/main/resources/notices/<kind>.txt}, filled with the case's values. The templates are
 * the app's own files; dates among the values are written as official documents write them; the values (a clerk's remark, the reason of a refusal) are printed as they
 * are and never evaluated.
 */
public class NoticeTexts {

  private final TemplateEngine engine = new TemplateEngine();

  public NoticeTexts() {
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(NoticeTexts.class.getClassLoader());
    templates.setPrefix("notices/");
    templates.setSuffix(".txt");
    templates.setTemplateMode(TemplateMode.TEXT);
    templates.setCharacterEncoding("UTF-8");
    templates.setCheckExistence(true);
    templates.setCacheable(true);
    engine.setTemplateResolver(templates);
  }

  /** The text of a notice of this kind with these values (names as the template uses them). */
  public String render(CaseNotice.NoticeKind kind, Map<String, ?> values) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    // a date is printed as official documents write it (2026年3月5日), whichever step passed it
    values.forEach((name, value) -> context.setVariable(name,
        value instanceof java.time.LocalDate date ? NoticePdf.officialDate(date) : value));
    return engine.process(kind.name().toLowerCase(Locale.ROOT), context).strip();
  }
}
