package io.github.xuke.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.core.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading an expert CSV file, without the pool: quoting, encodings, line numbers and limits. */
class ExpertCsvTest {

  static final String HEADER = "账号,姓名,专长,工作单位,工作单位统一社会信用代码,地区,联系电话,在库,回避企业\r\n";

  @Test
  void excelQuotingIsReadAndLinesAreNumberedAsTheSpreadsheetShowsThem() {
    String file = HEADER
        + "sun,孙工,化工工艺;储运,\"某设计院,二所\",,闵行区,13900002222,否,\r\n"
        + "\r\n"
        + "li,\"李\"\"工\"\"\",消防,\"第一行\r\n第二行\",,,021-55556666,是,A;B\r\n"
        + "zhou,周工\r\n";

    List<ExpertCsv.Line> lines = ExpertCsv.read(file.getBytes(StandardCharsets.UTF_8));

    assertThat(lines).extracting(ExpertCsv.Line::number).containsExactly(2, 4, 5);
    ExpertRequest sun = lines.get(0).request();
    assertThat(sun.employer()).isEqualTo("某设计院,二所");
    assertThat(sun.specialties()).containsExactly("化工工艺", "储运");
    assertThat(sun.active()).isFalse();
    assertThat(sun.employerCreditCode()).isEmpty();
    ExpertRequest li = lines.get(1).request();
    assertThat(li.name()).isEqualTo("李\"工\"");
    assertThat(li.employer()).isEqualTo("第一行\r\n第二行");
    assertThat(li.conflicts()).extracting(ExpertRequest.ConflictRequest::creditCode).containsExactly("A", "B");
    assertThat(li.active()).isTrue();
    assertThat(lines.get(2).request().phone()).as("a short line's missing fields are empty").isEmpty();
  }

  @Test
  void utf8WithOrWithoutBomAndGb18030ReadAlike() {
    String file = "userId,name,specialties,employer,employerCreditCode,region,phone,active,conflicts,email\n"
        + "wang,王工,电气、消防,市电力设计院,,浦东新区,13900004444,停用,,wang@example.org\n";
    byte[] utf8 = file.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);

    for (byte[] content : List.of(utf8, bom, file.getBytes(Charset.forName("GB18030")))) {
      List<ExpertCsv.Line> lines = ExpertCsv.read(content);
      assertThat(lines).extracting(ExpertCsv.Line::number).containsExactly(2);
      ExpertRequest wang = lines.get(0).request();
      assertThat(wang.userId()).isEqualTo("wang");
      assertThat(wang.name()).isEqualTo("王工");
      assertThat(wang.specialties()).containsExactly("电气", "消防");
      assertThat(wang.active()).isFalse();
      assertThat(wang.email()).isEqualTo("wang@example.org");
    }
  }

  @Test
  void aHandEditedFileIsReadAsItsAuthorMeantIt() {
    String file = HEADER + "zhao, 赵工 , \"化工工艺,储运\" ,\"某院\"二所,,,13900005555,是,\r\n"
        + "qian,钱工,消防,\"没有闭合的引号,,,13900006666,是,\r\nsun,孙工";

    List<ExpertCsv.Line> lines = ExpertCsv.read(file.getBytes(StandardCharsets.UTF_8));

    ExpertRequest zhao = lines.get(0).request();
    assertThat(zhao.name()).isEqualTo("赵工");
    assertThat(zhao.specialties()).containsExactly("化工工艺", "储运");
    assertThat(zhao.employer()).as("text after a closing quote joins the field").isEqualTo("某院二所");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).request().employer()).as("an unclosed quote runs to the end of the file")
        .isEqualTo("没有闭合的引号,,,13900006666,是,\r\nsun,孙工");
  }

  @Test
  void aMissingColumnOrAnEmptyFileIsNamedInChinese() {
    assertThatThrownBy(() -> ExpertCsv.read("账号,姓名\r\nsun,孙工\r\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CSV"))
        .hasMessage("表头缺少列：专长、工作单位、工作单位统一社会信用代码、地区、联系电话、在库");
    assertThatThrownBy(() -> ExpertCsv.read(new byte[0]))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_FILE"))
        .hasMessage("文件为空");
  }

  @Test
  void tooManyLinesAreCountedInLinearTimeAndRefusedWhole() {
    byte[] tenMegabytesOfLineBreaks = (HEADER + "\n".repeat(ExpertCsv.MAX_BYTES - HEADER.length() * 3))
        .getBytes(StandardCharsets.UTF_8);
    assertThat(tenMegabytesOfLineBreaks.length).isLessThanOrEqualTo(ExpertCsv.MAX_BYTES);
    int lines = tenMegabytesOfLineBreaks.length - HEADER.getBytes(StandardCharsets.UTF_8).length;

    ApiException refused = Assertions.assertTimeout(Duration.ofSeconds(20), () -> Assertions.assertThrows(
        ApiException.class, () -> ExpertCsv.read(new ByteArrayInputStream(tenMegabytesOfLineBreaks))));

    assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getMessage())
        .isEqualTo("文件有 " + lines + " 行，一次最多导入 " + ExpertCsv.MAX_LINES + " 行；请分成多个文件导入");
  }

  @Test
  void theLastAllowedLineIsStillRead() {
    String file = HEADER + "x,y\r\n".repeat(ExpertCsv.MAX_LINES);
    assertThat(ExpertCsv.read(file.getBytes(StandardCharsets.UTF_8))).hasSize(ExpertCsv.MAX_LINES)
        .last().extracting(ExpertCsv.Line::number).isEqualTo(ExpertCsv.MAX_LINES + 1);
  }
}
