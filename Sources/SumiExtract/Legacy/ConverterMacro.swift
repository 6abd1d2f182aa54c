/// The LibreOffice Basic module the long-lived converter runs (`OfficeConverter`).
///
/// Why a macro: `soffice --convert-to` starts LibreOffice for every file (1.5–2 s here), and
/// handing a conversion to an already running instance over its pipe does nothing and ends
/// that instance (LibreOffice 7.4). A UNO client would need Python (unoserver) or a C++ SDK.
/// A Basic macro in a private profile needs neither: it watches a queue directory, loads each
/// requested file into a bare document model (no frame, no view: a hidden window's comment
/// panes need UI files the -nogui packages lack, and LibreOffice aborted on a .doc with
/// comments), with macros never run and links never updated, stores it with an OOXML export
/// filter and answers in a `.done` file (about 0.1–0.2 s for a small file).
///
/// Protocol (all files in the queue directory, which only this user can read):
/// `ID.req` — five lines: source path, target path, export filter, document service, import
/// filter (written as `ID.tmp`,
/// then renamed, so the macro never reads half a request); answer `ID.done` — `ok`, or
/// `failed` and LibreOffice's message. The macro stops when `stop` appears or when the
/// process that started it (`/proc/PID`) is gone, so a killed scan leaves no LibreOffice.
enum ConverterMacro {
    static let moduleName = "SumiConvert"

    static let module = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
    <script:module xmlns:script="http://openoffice.org/2000/script" script:name="SumiConvert" script:language="StarBasic">
    Sub Serve(queue As String, owner As String)
      Dim req As String, idle As Long
      Answer(queue, &quot;ready&quot;, &quot;ok&quot;)
      Do
        If FileExists(queue &amp; &quot;/stop&quot;) Then Exit Do
        req = Dir(queue &amp; &quot;/*.req&quot;)
        If req &lt;&gt; &quot;&quot; Then
          ConvertOne(queue, Left(req, Len(req) - 4))
          idle = 0
        Else
          Wait 10
          idle = idle + 1
          If idle Mod 50 = 0 Then
            If Not FileExists(&quot;/proc/&quot; &amp; owner) Then Exit Do
          End If
        End If
      Loop
      StarDesktop.terminate()
    End Sub

    Sub ConvertOne(queue As String, id As String)
      Dim n As Integer, src As String, dst As String, filt As String, service As String, importer As String
      Dim doc As Object
      n = FreeFile
      Open queue &amp; &quot;/&quot; &amp; id &amp; &quot;.req&quot; For Input As #n
      Line Input #n, src
      Line Input #n, dst
      Line Input #n, filt
      Line Input #n, service
      Line Input #n, importer
      Close #n
      Kill queue &amp; &quot;/&quot; &amp; id &amp; &quot;.req&quot;
      On Error Goto Failed
      Dim load(3) As New com.sun.star.beans.PropertyValue
      load(0).Name = &quot;URL&quot; : load(0).Value = ConvertToURL(src)
      load(1).Name = &quot;FilterName&quot; : load(1).Value = importer
      load(2).Name = &quot;MacroExecutionMode&quot; : load(2).Value = 0
      load(3).Name = &quot;UpdateDocMode&quot; : load(3).Value = 0
      doc = createUnoService(service)
      doc.load(load())
      If IsNull(doc) Then
        Answer(queue, id, &quot;failed not loaded&quot;)
        Exit Sub
      End If
      Dim store(0) As New com.sun.star.beans.PropertyValue
      store(0).Name = &quot;FilterName&quot; : store(0).Value = filt
      doc.storeToURL(ConvertToURL(dst), store())
      doc.close(True)
      Answer(queue, id, &quot;ok&quot;)
      Exit Sub
    Failed:
      Answer(queue, id, &quot;failed &quot; &amp; Err &amp; &quot; &quot; &amp; Error$)
      On Error Resume Next
      If Not IsNull(doc) Then doc.close(True)
    End Sub

    Sub Answer(queue As String, id As String, text As String)
      Dim n As Integer
      n = FreeFile
      Open queue &amp; &quot;/&quot; &amp; id &amp; &quot;.tmp&quot; For Output As #n
      Print #n, text
      Close #n
      Name queue &amp; &quot;/&quot; &amp; id &amp; &quot;.tmp&quot; As queue &amp; &quot;/&quot; &amp; id &amp; &quot;.done&quot;
    End Sub
    </script:module>
    """

    /// The Standard library's index with this module added beside LibreOffice's Module1.
    static let libraryIndex = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
    <library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
     <library:element library:name="Module1"/>
     <library:element library:name="SumiConvert"/>
    </library:library>
    """
}
